import { Anchor, Divider, Group, Radio, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { applyFieldErrors } from "../../ui/applyFieldErrors";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { todayInLondon } from "../../ui/format";
import { notifySuccess } from "../../ui/notify";
import { paperFormsHref, usePaperFormOptions, useRecordPaperForm } from "./agreementsApi";
import { optionLabel } from "./optionLabel";
import type { Agreement } from "./types";

/** "Someone else": a carer with parental responsibility whom Accord has no record of. */
const SOMEONE_ELSE = "other";

interface Values {
  childId: string;
  carer: string;
  carerName: string;
  signedOn: string;
  choices: Record<string, string>;
}

/**
 * Printed forms for carers no emailed link can reach: download them (every such child, a class,
 * or one child), and record a form that comes back signed. A recorded form is that carer's
 * signature, made by the office: it covers the child like any other.
 */
export function PaperFormsButton({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [regGroup, setRegGroup] = useState<string | null>(null);
  const options = usePaperFormOptions(agreement.id, opened);
  const record = useRecordPaperForm(agreement.id);
  const form = useForm<Values>({
    initialValues: {
      childId: "",
      carer: "",
      carerName: "",
      signedOn: todayInLondon(),
      choices: Object.fromEntries(agreement.choices.map((c) => [c.key, ""])),
    },
    validate: {
      childId: (v) => (v ? null : t("agreements.paper.childRequired")),
      carer: (v) => (v ? null : t("agreements.paper.carerRequired")),
      carerName: (v) => (v.trim().length >= 2 ? null : t("agreements.paper.nameRequired")),
      signedOn: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : t("validation.date")),
      choices: Object.fromEntries(
        agreement.choices.map((c) => [
          c.key,
          (v: string) => (v ? null : t("agreements.paper.answerRequired")),
        ]),
      ),
    },
  });
  const children = options.data?.children ?? [];
  const child = children.find((c) => c.id === form.values.childId);

  const submit = (close: () => void) =>
    form.onSubmit((values) =>
      record.mutate(
        {
          childId: values.childId,
          ...(values.carer !== SOMEONE_ELSE ? { carerId: values.carer } : {}),
          carerName: values.carerName,
          signedOn: values.signedOn,
          choices: values.choices,
          textSha256: agreement.textSha256,
        },
        {
          onSuccess: () => {
            close();
            notifySuccess(t("agreements.paper.done", { child: child?.name ?? "", title: agreement.title }));
            form.reset();
          },
          onError: (error) => applyFieldErrors(form, error),
        },
      ),
    );

  return (
    <ConfirmButton
      button={{ variant: "default", size: "compact-md" }}
      ariaLabel={t("agreements.paper.buttonFor", { title: agreement.title })}
      onOpenChange={setOpened}
      size="lg"
      title={t("agreements.paper.title", { title: agreement.title })}
      body={
        <>
          <Title order={3} size="h5">
            {t("agreements.paper.printHeading")}
          </Title>
          <Text size="sm">{t("agreements.paper.printExplain")}</Text>
          <Anchor href={paperFormsHref(agreement.id)} download size="sm">
            {t("agreements.paper.printUnreachable")}
          </Anchor>
          <Group align="flex-end" gap="sm">
            <Select
              label={t("agreements.paper.classLabel")}
              data={options.data?.regGroups ?? []}
              value={regGroup}
              onChange={setRegGroup}
              comboboxProps={{ withinPortal: true }}
              w={160}
            />
            {regGroup && (
              <Anchor href={paperFormsHref(agreement.id, { regGroup })} download size="sm" pb={8}>
                {t("agreements.paper.printClass", { regGroup })}
              </Anchor>
            )}
          </Group>
          <Divider />
          <Title order={3} size="h5">
            {t("agreements.paper.recordHeading")}
          </Title>
          <Text size="sm">{t("agreements.paper.recordExplain")}</Text>
          <Select
            label={t("agreements.paper.childLabel")}
            required
            searchable
            nothingFoundMessage={t("agreements.paper.noChildren")}
            data={children.map((c) => ({
              value: c.id,
              label: c.regGroup ? `${c.name} (${c.regGroup})` : c.name,
            }))}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps("childId")}
            onChange={(value) => {
              form.setValues({ childId: value ?? "", carer: "", carerName: "" });
            }}
          />
          {child && (
            <Anchor href={paperFormsHref(agreement.id, { childId: child.id })} download size="sm">
              {t("agreements.paper.printChild", { child: child.name })}
            </Anchor>
          )}
          {child && (
            <Radio.Group
              label={t("agreements.paper.carerLabel")}
              required
              {...form.getInputProps("carer")}
              onChange={(value) => {
                const carer = child.carers.find((c) => c.id === value);
                form.setValues({ carer: value, carerName: carer?.name ?? "" });
              }}
            >
              <Stack gap="xs" mt="xs">
                {child.carers.map((c) => (
                  <Radio
                    key={c.id}
                    value={c.id}
                    label={c.relationship ? `${c.name} (${c.relationship})` : c.name}
                  />
                ))}
                <Radio value={SOMEONE_ELSE} label={t("agreements.paper.someoneElse")} />
              </Stack>
            </Radio.Group>
          )}
          <TextInput
            label={t("agreements.paper.nameLabel")}
            description={t("agreements.paper.nameHint")}
            required
            {...form.getInputProps("carerName")}
          />
          {agreement.choices.map((c) => (
            <Radio.Group key={c.key} label={c.label} required {...form.getInputProps(`choices.${c.key}`)}>
              <Group gap="md" mt="xs">
                {c.options.map((o) => (
                  <Radio key={o} value={o} label={optionLabel(t, o)} />
                ))}
              </Group>
            </Radio.Group>
          ))}
          <TextInput
            label={t("agreements.paper.signedOnLabel")}
            type="date"
            required
            max={todayInLondon()}
            {...form.getInputProps("signedOn")}
          />
        </>
      }
      confirm={t("agreements.paper.confirm")}
      pending={record.isPending}
      error={record.error ?? options.error}
      onConfirm={(close, event) => submit(close)(event)}
    >
      {t("agreements.paper.button")}
    </ConfirmButton>
  );
}
