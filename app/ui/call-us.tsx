import { useTranslation } from "react-i18next";
import { usePublicContext } from "~/modules/municipality/public-context";
import { Icon } from "./icons";
import { PhoneLink } from "./phone-link";

/** "Rather call?" with the municipality's phone number as a link (left to right inside Arabic text). */
export function CallUs({ textKey = "courses.call" }: { textKey?: string }) {
  const { t } = useTranslation();
  const ctx = usePublicContext();
  return (
    <p className="call-us">
      <Icon name="call" />
      <span>
        {t(textKey)}{" "}
        <PhoneLink phone={ctx.municipality.phone} />
      </span>
    </p>
  );
}
