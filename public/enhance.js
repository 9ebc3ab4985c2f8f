// Progressive enhancement for the public pages. Everything here is optional: the pages work without it.
(function () {
  "use strict";

  // Print button on a help-point page.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });

  // "Near me": fill the hidden lat/lng fields from the browser's location and search.
  var nearMe = document.getElementById("near-me");
  if (nearMe && "geolocation" in navigator) {
    nearMe.hidden = false;
    var status = document.getElementById("near-me-status");
    nearMe.addEventListener("click", function () {
      status.textContent = nearMe.dataset.locating;
      navigator.geolocation.getCurrentPosition(
        function (position) {
          document.getElementById("lat").value = position.coords.latitude.toFixed(5);
          document.getElementById("lng").value = position.coords.longitude.toFixed(5);
          document.getElementById("postcode").value = "";
          document.getElementById("finder-form").submit();
        },
        function () {
          status.textContent = nearMe.dataset.failed;
        },
        { timeout: 10000, maximumAge: 300000 },
      );
    });
  }

  // Map of the results with Leaflet, loaded only when there is something to show.
  var map = document.getElementById("map");
  var points = map ? JSON.parse(map.dataset.points || "[]") : [];
  if (map && points.length > 0 && window.matchMedia("(min-width: 40em)").matches) {
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = "/vendor/leaflet/leaflet.css";
    document.head.appendChild(css);
    var script = document.createElement("script");
    script.src = "/vendor/leaflet/leaflet.js";
    script.onload = function () {
      map.hidden = false;
      map.setAttribute("role", "region");
      map.setAttribute("aria-label", map.dataset.label);
      var L = window.L;
      var leaflet = L.map(map, { scrollWheelZoom: false });
      L.tileLayer(map.dataset.tiles || "https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
        maxZoom: 19,
        attribution: "&copy; OpenStreetMap",
      }).addTo(leaflet);
      var bounds = [];
      points.forEach(function (p) {
        // Not a tab stop: the list of results holds the same links, in a sensible order and with large targets.
        var marker = L.marker([p.lat, p.lng], { title: p.name, alt: p.name, keyboard: false }).addTo(leaflet);
        var link = document.createElement("a");
        link.href = p.href;
        link.textContent = p.name;
        marker.bindPopup(link);
        bounds.push([p.lat, p.lng]);
      });
      leaflet.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
    };
    document.body.appendChild(script);
  }
})();
