import { useTranslation } from "react-i18next";
import { usePublicContext } from "~/modules/municipality/public-context";
import { Icon } from "./icons";

/** "Rather call?" with the municipality's phone number as a link (left to right inside Arabic text). */
export function CallUs({ textKey = "courses.call" }: { textKey?: string }) {
  const { t } = useTranslation();
  const ctx = usePublicContext();
  return (
    <p className="call-us">
      <Icon name="call" />
      <span>
        {t(textKey)}{" "}
        <a href={`tel:${ctx.municipality.phone.replace(/[^+0-9]/g, "")}`} className="phone-link">
          <bdi dir="ltr">{ctx.municipality.phone}</bdi>
        </a>
      </span>
    </p>
  );
}
