import { Alert, Stack, Text } from "@mantine/core";
import { type ReactNode, useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { isApiError } from "../../api";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { SectionLoader } from "../../ui/SectionLoader";
import { useIdleTimeout } from "../../ui/useIdleTimeout";
import { DeviceLayout } from "../kiosk/DeviceLayout";
import { ScreenTitle } from "../kiosk/ScreenTitle";
import { SigningQueueNotice } from "../signing-queue/SigningQueueNotice";
import { useSigningQueue } from "../signing-queue/useSigningQueue";
import { useClassDevice } from "./classSessionsApi";
import { NamesGrid } from "./NamesGrid";
import { PledgeScreen } from "./PledgeScreen";
import type { DevicePupil } from "./types";
import { WellDone } from "./WellDone";

// A child who walks away mid-promise: their name and answers are wiped after two minutes.
const IDLE_MS = 120_000;

/** The shared classroom device (/class/:token, public): names → promise → well done → names. */
export function ClassDevicePage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const [turn, setTurn] = useState<{
    key: number;
    pupil: DevicePupil;
    done: boolean;
    queued?: boolean;
  } | null>(null);
  const [ended, setEnded] = useState(false);
  const view = useClassDevice(token, turn === null && !ended);
  const queue = useSigningQueue(() => view.refetch());
  // A pupil whose promise waits on the device is shown as signed: nobody picks them again.
  const waitingFor = new Set(queue.waiting.map((w) => w.tag));

  const backToNames = useCallback(() => setTurn(null), []);
  useIdleTimeout(turn !== null && !turn.done, IDLE_MS, backToNames);

  const isEnded = ended || isApiError(view.error, 410);
  let content: ReactNode;
  if (isEnded)
    content = (
      <Stack align="center" ta="center" gap="lg" py="xl">
        <ScreenTitle>{t("classDevice.ended.title")}</ScreenTitle>
        <Text fz="xl">{t("classDevice.ended.body")}</Text>
      </Stack>
    );
  else if (turn?.done)
    content = (
      <WellDone
        name={turn.pupil.displayName.split(/\s+/)[0]}
        queued={Boolean(turn.queued)}
        onDone={backToNames}
      />
    );
  else if (turn && view.data)
    content = (
      <PledgeScreen
        key={turn.key}
        token={token}
        agreement={view.data.agreement}
        pupil={turn.pupil}
        onSigned={(receipt) => setTurn({ ...turn, done: true, queued: receipt === null })}
        onBack={backToNames}
        onEnded={() => setEnded(true)}
        queue={queue}
      />
    );
  else if (view.data)
    content = (
      <NamesGrid
        pupils={view.data.pupils.map((p) => (waitingFor.has(p.id) ? { ...p, signed: true } : p))}
        onPick={(pupil) => setTurn({ key: Date.now(), pupil, done: false })}
      />
    );
  else if (view.isPending) content = <SectionLoader />;
  else if (isApiError(view.error, 404))
    // A link cut short or mistyped: say so plainly, in the device's language.
    content = (
      <Stack gap="lg">
        <ScreenTitle>{t("sharedSigning.invalidLink.title")}</ScreenTitle>
        <Alert color="red" role="alert">
          <Text fz="lg">{t("sharedSigning.invalidLink.body")}</Text>
        </Alert>
      </Stack>
    );
  else content = <ErrorAlert error={view.error} />;

  return (
    <DeviceLayout
      schoolName={view.data?.schoolName}
      label={
        view.data ? t("classDevice.label", { regGroup: view.data.regGroup }) : t("classDevice.labelPlain")
      }
    >
      <SigningQueueNotice queue={queue} />
      {content}
    </DeviceLayout>
  );
}
