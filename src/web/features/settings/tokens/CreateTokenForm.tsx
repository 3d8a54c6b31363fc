import { Button, Checkbox, Group, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { applyFieldErrors } from "../../../ui/applyFieldErrors";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { todayInLondon } from "../../../ui/format";
import { NewTokenBox } from "./NewTokenBox";
import { endOfDayInLondon, TOKEN_SCOPES, type TokenScope, useCreateToken } from "./tokensApi";

/** A day `days` after today in London, as YYYY-MM-DD (the date input's bounds). */
function dayAfter(days: number) {
  const d = new Date(`${todayInLondon()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function CreateTokenForm() {
  const { t } = useTranslation();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const form = useForm({
    initialValues: { name: "", scopes: ["full"] as TokenScope[], expiresOn: "" },
    validate: {
      name: (v) => (v.trim() ? null : t("validation.required")),
      scopes: (v) => (v.length > 0 ? null : t("tokens.scopesRequired")),
    },
  });
  const create = useCreateToken();

  return (
    <Stack>
      {created && <NewTokenBox name={created.name} token={created.token} onDone={() => setCreated(null)} />}
      <form
        noValidate
        onSubmit={form.onSubmit(({ name, scopes, expiresOn }) =>
          create.mutate(
            {
              name: name.trim(),
              scopes,
              ...(expiresOn ? { expiresAt: endOfDayInLondon(expiresOn) } : {}),
            },
            {
              onSuccess: (result, sent) => {
                setCreated({ name: sent.name, token: result.token });
                form.reset();
              },
              onError: (error) => applyFieldErrors(form, error, { expiresAt: "expiresOn" }),
            },
          ),
        )}
      >
        <Stack>
          <ErrorAlert error={create.error} />
          <TextInput
            label={t("tokens.name")}
            description={t("tokens.nameHint")}
            required
            {...form.getInputProps("name")}
          />
          <Checkbox.Group
            label={t("tokens.scopesLabel")}
            description={t("tokens.scopesHint")}
            required
            {...form.getInputProps("scopes")}
          >
            <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
              {TOKEN_SCOPES.map((scope) => (
                <Checkbox
                  key={scope}
                  value={scope}
                  label={t(`tokens.scope.${scope}`)}
                  description={t(`tokens.scopeHint.${scope}`)}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Group align="flex-end">
            <TextInput
              type="date"
              label={t("tokens.expiresOn")}
              description={t("tokens.expiresHint")}
              min={dayAfter(1)}
              max={dayAfter(365)}
              style={{ minWidth: 220 }}
              {...form.getInputProps("expiresOn")}
            />
            <Button type="submit" loading={create.isPending}>
              {t("tokens.create")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
