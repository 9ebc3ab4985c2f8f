/** The fields of a home-visit request, shared by the public page and the staff page (texts through i18n). */
import { useTranslation } from "react-i18next";
import { describedBy, FieldError, type FieldErrors, SelectField, TextArea, TextField } from "~/ui/form";
import { REQUESTER_KINDS, type HomeVisitValues } from "./schema";

export const EMPTY_HOME_VISIT: HomeVisitValues = {
  requesterKind: "",
  residentName: "",
  address: "",
  postcode: "",
  phone: "",
  requesterName: "",
  requesterPhone: "",
  requesterOrganization: "",
  topic: "",
  whenSuits: "",
  whyNoTravel: "",
};

export function HomeVisitFields({
  values,
  errors,
  topics,
}: {
  values: HomeVisitValues;
  errors: FieldErrors;
  topics: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset
        className="field"
        aria-describedby={describedBy("requesterKind", {
          error: errors.requesterKind,
        })}
      >
        <legend>{t("homeVisit.requesterKind")}</legend>
        <FieldError id="requesterKind" message={errors.requesterKind} />
        <div className="radios">
          {REQUESTER_KINDS.map((kind, i) => {
            const id = i === 0 ? "requesterKind" : `requesterKind-${kind}`;
            return (
              <div className="radio" key={kind}>
                <input type="radio" id={id} name="requesterKind" value={kind} defaultChecked={values.requesterKind === kind} />
                <label htmlFor={id}>{t(`homeVisit.requesterKinds.${kind}`)}</label>
              </div>
            );
          })}
        </div>
      </fieldset>

      <fieldset className="field">
        <legend>{t("homeVisit.resident")}</legend>
        <TextField id="residentName" label={t("homeVisit.residentName")} value={values.residentName} error={errors.residentName} autoComplete="off" />
        <TextField id="address" label={t("homeVisit.address")} value={values.address} error={errors.address} autoComplete="off" />
        <TextField
          id="postcode"
          label={t("homeVisit.postcode")}
          value={values.postcode}
          error={errors.postcode}
          inputMode="numeric"
          className="input-short"
          autoComplete="off"
        />
        <TextField
          id="phone"
          label={t("homeVisit.phone")}
          hint={t("homeVisit.phoneHint")}
          value={values.phone}
          error={errors.phone}
          type="tel"
          autoComplete="off"
        />
      </fieldset>

      <fieldset className="field" aria-describedby="requester-hint">
        <legend>{t("homeVisit.requester")}</legend>
        <p className="hint" id="requester-hint">
          {t("homeVisit.requesterHint")}
        </p>
        <TextField
          id="requesterName"
          label={t("homeVisit.requesterName")}
          value={values.requesterName}
          error={errors.requesterName}
          autoComplete="name"
        />
        <TextField
          id="requesterPhone"
          label={t("homeVisit.requesterPhone")}
          value={values.requesterPhone}
          error={errors.requesterPhone}
          type="tel"
          autoComplete="tel"
        />
        <TextField
          id="requesterOrganization"
          label={t("homeVisit.requesterOrganization")}
          value={values.requesterOrganization}
          error={errors.requesterOrganization}
          autoComplete="organization"
        />
      </fieldset>

      <SelectField
        id="topic"
        label={t("homeVisit.topic")}
        value={values.topic}
        error={errors.topic}
        empty={t("homeVisit.topicOther")}
        options={topics.map((topic) => ({ value: topic.id, label: topic.name }))}
      />

      <TextArea id="whenSuits" label={t("homeVisit.whenSuits")} hint={t("homeVisit.whenSuitsHint")} value={values.whenSuits} error={errors.whenSuits} rows={3} />
      <TextArea
        id="whyNoTravel"
        label={t("homeVisit.whyNoTravel")}
        hint={t("homeVisit.whyNoTravelHint")}
        value={values.whyNoTravel}
        error={errors.whyNoTravel}
        rows={3}
      />
    </>
  );
}
