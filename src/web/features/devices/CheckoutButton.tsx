import {
  Alert,
  Button,
  type ButtonProps,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { todayInLondon } from "../../ui/format";
import { notifySuccess } from "../../ui/notify";
import { can } from "../session/me";
import { useMe } from "../session/sessionApi";
import { useAskDeviceAgreement, useCheckOut, usePupilSearch, useStaffSearch } from "./devicesApi";

type To = "staff" | "pupil" | "class";

interface Props {
  deviceIds: string[];
  /** Named in the button's accessible name where several buttons could be read out of context. */
  label?: string;
  button?: Pick<ButtonProps, "color" | "variant" | "size">;
  onDone?: () => void;
}

/** Check one or several devices out to a member of staff, a pupil or a class; a due date makes it a loan. */
export function CheckoutButton({ deviceIds, label, button, onDone }: Props) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  // Pupils and classes come from the photo-consent pupil list, which staff may read.
  const pupilsAllowed = can(me, "consent.check");
  const [to, setTo] = useState<To>("staff");
  // What is typed in the name box; once a name is chosen the box shows it, and the list stays as it was.
  const [search, setSearch] = useState("");
  const [term, setTerm] = useState("");
  const [debounced] = useDebouncedValue(term, 250);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const personId = chosen?.value ?? null;
  const [klass, setKlass] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState("");
  const [missing, setMissing] = useState(false);
  const staff = useStaffSearch(to === "staff" ? debounced : "");
  const pupils = usePupilSearch(to === "pupil" ? debounced : "", pupilsAllowed && to !== "staff");
  const checkOut = useCheckOut();
  const ask = useAskDeviceAgreement();
  // The pupil's device agreement is not signed yet: the server said what is missing.
  const [override, setOverride] = useState("");
  const missingAgreement =
    isApiError(checkOut.error, 409) &&
    Array.isArray((checkOut.error.problem as { missing?: unknown }).missing)
      ? ((checkOut.error.problem as unknown as { missing: string[] }).missing as string[])
      : null;
  const overrideError = isApiError(checkOut.error, 400)
    ? checkOut.error.fieldErrors.find((e) => e.field === "override")?.message
    : undefined;
  const toLabel = useId();

  const reset = () => {
    setSearch("");
    setTerm("");
    setChosen(null);
    setKlass(null);
    setDueDate("");
    setMissing(false);
    setOverride("");
    checkOut.reset();
    ask.reset();
  };
  const choose = (next: To) => {
    setTo(next);
    setSearch("");
    setTerm("");
    setChosen(null);
    setKlass(null);
    setMissing(false);
  };

  const people = (to === "staff" ? staff.data : pupils.data?.pupils) ?? [];
  const found = people.map((p) => ({ value: p.id, label: p.detail ? `${p.name} (${p.detail})` : p.name }));
  const options = chosen && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found;
  const dueError = isApiError(checkOut.error)
    ? checkOut.error.fieldErrors.find((e) => e.field === "dueDate")?.message
    : undefined;

  const submit = (close: () => void, event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = to === "class" ? { class: klass ?? undefined } : { personId: personId ?? undefined };
    if (!target.class && !target.personId) {
      setMissing(true);
      return;
    }
    checkOut.mutate(
      {
        deviceIds,
        ...target,
        dueDate: dueDate || undefined,
        override: missingAgreement || overrideError ? override : undefined,
      },
      {
        onSuccess: (result) => {
          notifySuccess(t("devices.checkout.done", { count: result.checkedOut }));
          close();
          reset();
          onDone?.();
        },
      },
    );
  };

  return (
    <ConfirmButton
      button={button}
      ariaLabel={label}
      size="lg"
      title={t("devices.checkout.title", { count: deviceIds.length })}
      onOpenChange={(open) => !open && reset()}
      body={
        <Stack>
          {pupilsAllowed && (
            <Stack gap={4}>
              <Text id={toLabel} size="sm" fw={500}>
                {t("devices.checkout.toLabel")}
              </Text>
              <SegmentedControl
                aria-labelledby={toLabel}
                value={to}
                onChange={(v) => choose(v as To)}
                fullWidth
                data={(["staff", "pupil", "class"] as const).map((v) => ({
                  value: v,
                  label: t(`devices.checkout.to.${v}`),
                }))}
              />
            </Stack>
          )}
          {to === "class" ? (
            <Select
              label={t("devices.checkout.class")}
              data={pupils.data?.classes ?? []}
              value={klass}
              onChange={setKlass}
              searchable
              required
              error={missing ? t("devices.checkout.chooseClass") : undefined}
              comboboxProps={{ withinPortal: true }}
            />
          ) : (
            <Select
              key={to}
              label={t(to === "staff" ? "devices.checkout.staff" : "devices.checkout.pupil")}
              description={t("devices.checkout.searchHint")}
              data={options}
              value={personId}
              onChange={(value, option) => setChosen(value && option ? { value, label: option.label } : null)}
              searchable
              searchValue={search}
              onSearchChange={(typed) => {
                setSearch(typed);
                if (typed !== chosen?.label) setTerm(typed);
              }}
              filter={({ options: all }) => all}
              nothingFoundMessage={debounced.trim().length >= 2 ? t("devices.checkout.nobody") : undefined}
              required
              error={missing ? t("devices.checkout.choosePerson") : undefined}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <TextInput
            label={t("devices.checkout.dueDate")}
            description={t("devices.checkout.dueHint")}
            type="date"
            min={todayInLondon()}
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            error={dueError}
          />
          {(missingAgreement || overrideError) && personId && (
            <Alert color="orange" title={t("devices.agreement.notSignedTitle")}>
              <Stack gap="sm">
                <Text size="sm">
                  {missingAgreement?.length === 2
                    ? t("devices.agreement.missingBoth")
                    : t(
                        missingAgreement?.[0] === "parent_signature"
                          ? "devices.agreement.missingParent"
                          : "devices.agreement.missingPledge",
                      )}
                </Text>
                {ask.isSuccess ? (
                  <Text size="sm" fw={600} role="status">
                    {t("devices.agreement.asked", { count: ask.data.linksSent })}
                  </Text>
                ) : (
                  deviceIds.length === 1 && (
                    <Button
                      variant="default"
                      loading={ask.isPending}
                      onClick={() => ask.mutate({ deviceId: deviceIds[0], personId })}
                      style={{ alignSelf: "flex-start" }}
                    >
                      {t("devices.agreement.ask")}
                    </Button>
                  )
                )}
                {ask.error && (
                  <Text c="red.9" size="sm">
                    {ask.error.message}
                  </Text>
                )}
                <Textarea
                  label={t("devices.agreement.overrideLabel")}
                  description={t("devices.agreement.overrideHint")}
                  value={override}
                  onChange={(e) => setOverride(e.currentTarget.value)}
                  error={overrideError}
                  autosize
                  minRows={2}
                />
              </Stack>
            </Alert>
          )}
        </Stack>
      }
      confirm={
        missingAgreement || overrideError
          ? t("devices.agreement.handOver")
          : t("devices.checkout.confirm", { count: deviceIds.length })
      }
      pending={checkOut.isPending}
      error={dueError || missingAgreement || overrideError ? null : checkOut.error}
      onConfirm={submit}
    >
      {t("devices.checkout.button")}
    </ConfirmButton>
  );
}
