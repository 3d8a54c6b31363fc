import {
  Alert,
  Button,
  CloseButton,
  Group,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageTitle } from "../../ui/PageTitle";
import { SectionLoader } from "../../ui/SectionLoader";
import { useCheckPhoto, usePupilSearch, usePurposes } from "./consentApi";
import { reasonText } from "./reasonText";
import type { CheckView, PupilChoice } from "./types";

/**
 * "Can I use this photo?": a member of staff with a camera on a trip picks the purpose and the
 * children in the picture, and gets one plain answer with each child's reason.
 */
export function CheckPage() {
  const { t } = useTranslation();
  const purposes = usePurposes();
  const [purposeKey, setPurposeKey] = useState<string | null>(null);
  const [chosen, setChosen] = useState<PupilChoice[]>([]);
  const [search, setSearch] = useState("");
  const [className, setClassName] = useState<string | null>(null);
  const [q] = useDebouncedValue(search.trim(), 250);
  const searching = q.length >= 2 || Boolean(className);
  const pupils = usePupilSearch(q, className ?? "", searching);
  const groups = usePupilSearch("", "");
  const check = useCheckPhoto();
  const [missing, setMissing] = useState<{ purpose?: string; pupils?: string }>({});

  const active = (purposes.data?.purposes ?? []).filter((p) => !p.retired);
  const isChosen = (id: string) => chosen.some((p) => p.id === id);
  const toggle = (pupil: PupilChoice) => {
    check.reset();
    setMissing((m) => ({ ...m, pupils: undefined }));
    setChosen((now) =>
      now.some((p) => p.id === pupil.id) ? now.filter((p) => p.id !== pupil.id) : [...now, pupil],
    );
  };
  const runCheck = () => {
    const problems = {
      purpose: purposeKey ? undefined : t("consent.check.purposeRequired"),
      pupils: chosen.length > 0 ? undefined : t("consent.check.pupilsRequired"),
    };
    setMissing(problems);
    if (!purposeKey || chosen.length === 0) return;
    check.mutate({ purposeKey, pupilIds: chosen.map((p) => p.id) });
  };

  return (
    <Stack maw={760}>
      <PageTitle>{t("consent.check.title")}</PageTitle>
      <Text>{t("consent.check.intro")}</Text>
      <ErrorAlert error={purposes.error} />
      {purposes.isPending && <SectionLoader />}
      {active.length > 0 && (
        <Paper withBorder p="md">
          <Radio.Group
            label={
              <Title order={2} size="h4">
                {t("consent.check.purposeHeading")}
              </Title>
            }
            value={purposeKey}
            onChange={(key) => {
              check.reset();
              setMissing((m) => ({ ...m, purpose: undefined }));
              setPurposeKey(key);
            }}
            error={missing.purpose}
          >
            <SimpleGrid cols={{ base: 1, xs: 2 }} mt="sm" spacing="sm">
              {active.map((p) => (
                <Radio key={p.key} value={p.key} label={p.name} size="md" />
              ))}
            </SimpleGrid>
          </Radio.Group>
        </Paper>
      )}
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t("consent.check.pupilsHeading")}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              type="search"
              label={t("consent.check.search")}
              placeholder={t("consent.check.searchPlaceholder")}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
            />
            {/* The phone's own picker: quicker than a searchable list with a camera in the other hand. */}
            <NativeSelect
              label={t("consent.check.class")}
              data={[
                { value: "", label: t("consent.check.classPlaceholder") },
                ...(groups.data?.classes ?? []).map((c) => ({ value: c, label: c })),
              ]}
              value={className ?? ""}
              onChange={(e) => setClassName(e.currentTarget.value || null)}
            />
          </SimpleGrid>
          {searching && (
            <PupilButtons
              pupils={pupils.data?.pupils ?? []}
              loading={pupils.isFetching && !pupils.data}
              isChosen={isChosen}
              onToggle={toggle}
            />
          )}
          <Chosen chosen={chosen} onRemove={toggle} />
          {missing.pupils && (
            <Text c="red.8" size="sm" role="alert">
              {missing.pupils}
            </Text>
          )}
        </Stack>
      </Paper>
      <Button size="lg" onClick={runCheck} loading={check.isPending} fullWidth>
        {t("consent.check.button")}
      </Button>
      <ErrorAlert error={check.error} />
      {check.data && <CheckAnswer key={check.data.checkId} result={check.data} />}
    </Stack>
  );
}

/** The class's names as big buttons to tap: pressed means "in the photo". */
function PupilButtons({
  pupils,
  loading,
  isChosen,
  onToggle,
}: {
  pupils: PupilChoice[];
  loading: boolean;
  isChosen: (id: string) => boolean;
  onToggle: (pupil: PupilChoice) => void;
}) {
  const { t } = useTranslation();
  if (loading) return <SectionLoader />;
  if (pupils.length === 0) return <Text size="sm">{t("consent.check.nobody")}</Text>;
  return (
    <SimpleGrid
      cols={{ base: 2, sm: 3 }}
      spacing="xs"
      role="group"
      aria-label={t("consent.check.namesLabel")}
    >
      {pupils.map((pupil) => {
        const pressed = isChosen(pupil.id);
        return (
          <Button
            key={pupil.id}
            variant={pressed ? "filled" : "default"}
            aria-pressed={pressed}
            h="auto"
            mih={52}
            py={6}
            onClick={() => onToggle(pupil)}
            leftSection={<span aria-hidden="true">{pressed ? "✓" : ""}</span>}
            styles={{
              label: { whiteSpace: "normal", overflowWrap: "anywhere", lineHeight: 1.25, textAlign: "left" },
            }}
          >
            {pupil.name}
          </Button>
        );
      })}
    </SimpleGrid>
  );
}

function Chosen({ chosen, onRemove }: { chosen: PupilChoice[]; onRemove: (pupil: PupilChoice) => void }) {
  const { t } = useTranslation();
  if (chosen.length === 0) return <Text size="sm">{t("consent.check.noneChosen")}</Text>;
  return (
    <div>
      <Text size="sm" fw={600}>
        {t("consent.check.chosen", { count: chosen.length })}
      </Text>
      <Group gap="xs" mt={4} component="ul" p={0} m={0} style={{ listStyle: "none" }}>
        {chosen.map((p) => (
          <Group
            key={p.id}
            component="li"
            gap={4}
            wrap="nowrap"
            pl="sm"
            pr={4}
            style={{ border: "1px solid var(--mantine-color-gray-4)", borderRadius: 999 }}
          >
            <Text size="sm">{p.name}</Text>
            <CloseButton
              size="md"
              aria-label={t("consent.check.remove", { name: p.name })}
              onClick={() => onRemove(p)}
            />
          </Group>
        ))}
      </Group>
    </div>
  );
}

/** One big answer first, then each child and why. */
function CheckAnswer({ result }: { result: CheckView }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A new answer (a new key) takes the reader to it: on a phone it is below the fold.
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <Alert
      color={result.allowed ? "green" : "red"}
      variant="light"
      p="lg"
      role="status"
      styles={{
        root: {
          borderWidth: 3,
          borderStyle: "solid",
          borderColor: result.allowed ? "var(--mantine-color-green-7)" : "var(--mantine-color-red-7)",
        },
      }}
    >
      <Stack gap="sm">
        <Title order={2} size="h2" ref={headingRef} tabIndex={-1}>
          <span aria-hidden="true">{result.allowed ? "✓ " : "✗ "}</span>
          {t(result.allowed ? "consent.check.yes" : "consent.check.no")}
        </Title>
        <Text>{t("consent.check.forPurpose", { purpose: result.purpose.name })}</Text>
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: "none" }}>
          {result.pupils.map((p) => (
            <Text key={p.id} component="li">
              <Text span fw={600}>
                {p.name}
              </Text>
              {": "}
              {t(p.allowed ? "consent.status.yes" : "consent.status.no")}
              {" — "}
              {reasonText(t, p.reason, p.since)}
            </Text>
          ))}
        </Stack>
      </Stack>
    </Alert>
  );
}
