/** Asset labels of the device bank: a QR code (SVG rendered on the server) with the asset tag and the device. */
export interface AssetLabelView {
  id: string;
  assetTag: string;
  description: string;
  svg: string;
}

export function AssetLabels({ labels, municipalityName }: { labels: AssetLabelView[]; municipalityName: string }) {
  return (
    <ul className="label-sheet" aria-label="Etiketten">
      {labels.map((l) => (
        <li key={l.id} className="asset-label">
          {/* The SVG comes from the qrcode package on the server; it holds only the device page's address. */}
          <span dangerouslySetInnerHTML={{ __html: l.svg }} />
          <div>
            <p className="asset-tag">{l.assetTag}</p>
            <p>{l.description}</p>
            <p>Toestellenbank {municipalityName}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
