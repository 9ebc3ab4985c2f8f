import { useTranslation } from "react-i18next";

/** A phone number as a tel: link target (digits and a leading +). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^+0-9]/g, "")}`;
}

/** A phone number to tap, kept whole and left to right inside right-to-left text. */
export function PhoneLink({ phone }: { phone: string }) {
  return (
    <a href={telHref(phone)} className="phone-link">
      <bdi dir="ltr">{phone}</bdi>
    </a>
  );
}

/**
 * A translated sentence with `{{phone}}` in it ("Questions? Call {{phone}}."), the number as a PhoneLink wherever
 * the language puts it.
 */
export function PhoneSentence({ textKey, phone, values }: { textKey: string; phone: string; values?: Record<string, unknown> }) {
  const { t } = useTranslation();
  const [before, after] = t(textKey, { ...values, phone: "\u0000" }).split("\u0000");
  return (
    <>
      {before}
      <PhoneLink phone={phone} />
      {after}
    </>
  );
}
