import { Button, Stack } from "@mantine/core";
import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { isApiError } from "../../api";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { SectionLoader } from "../../ui/SectionLoader";
import { useIdleTimeout } from "../../ui/useIdleTimeout";
import { SigningQueueNotice } from "../signing-queue/SigningQueueNotice";
import { MAX_WAITING } from "../signing-queue/store";
import { useSigningQueue } from "../signing-queue/useSigningQueue";
import { DeviceLayout } from "./DeviceLayout";
import { kioskIdleMs } from "./idleSetting";
import { KioskClosed } from "./KioskClosed";
import { KioskCodeScreen } from "./KioskCodeScreen";
import { KioskOffline } from "./KioskOffline";
import { KioskWelcome } from "./KioskWelcome";
import { kioskToken, useForgetKiosk, useKioskSession } from "./kioskApi";
import { StillThere } from "./StillThere";
import { VisitorFlow } from "./VisitorFlow";

/**
 * The reception tablet (/kiosk, public). A visit is a mounted VisitorFlow; finishing, "Start
 * again" or two minutes without a touch unmounts it, which wipes everything the visitor typed.
 */
export function KioskPage() {
  const { t } = useTranslation();
  const { search } = useLocation();
  const idleMs = useMemo(() => kioskIdleMs(search), [search]);
  const forgetKiosk = useForgetKiosk();
  const [token, setToken] = useState(() => kioskToken.read());
  const [closed, setClosed] = useState(false);
  const [visit, setVisit] = useState(0);
  const [checking, setChecking] = useState(false);
  const session = useKioskSession(token);
  const queue = useSigningQueue();
  const offlineTooLong = useOfflineTooLong(queue.waiting[0]?.queuedAt, session.data?.offlineMinutes);
  const blocked = offlineTooLong || queue.waiting.length >= MAX_WAITING;

  const endVisit = useCallback(() => {
    setWarning(false);
    setVisit(0);
  }, []);
  // Quiet for most of the idle time: ask "still there?"; quiet for the rest: wipe the visit.
  const warnMs = Math.min(20_000, Math.floor(idleMs / 2));
  const [warning, setWarning] = useState(false);
  const warn = useCallback(() => setWarning(true), []);
  useIdleTimeout(visit !== 0 && !warning, idleMs - warnMs, warn);
  useEffect(() => {
    if (!warning) return;
    const timer = window.setTimeout(endVisit, warnMs);
    return () => window.clearTimeout(timer);
  }, [warning, warnMs, endVisit]);

  const forget = useCallback(
    (wasClosed: boolean) => {
      forgetKiosk();
      setVisit(0);
      setToken(null);
      setClosed(wasClosed);
    },
    [forgetKiosk],
  );

  // 410: the kiosk was closed or has expired. 401/403/404: the token is not (or no longer) valid.
  useEffect(() => {
    const error = session.error;
    if (isApiError(error, 410)) forget(true);
    else if (isApiError(error) && [401, 403, 404].includes(error.status)) forget(false);
  }, [session.error, forget]);

  const reload = async () => (await session.refetch()).data?.agreement;
  const start = async () => {
    // Without a connection the kiosk carries on with the text it has (decision 039).
    if (!navigator.onLine) return setVisit(Date.now());
    // Check the kiosk is still open (and the text current) before a visitor types anything.
    setChecking(true);
    const result = await session.refetch();
    setChecking(false);
    if (result.data && (!result.error || isApiError(result.error, 0))) setVisit(Date.now());
  };

  const schoolName = session.data?.schoolName;
  let content: ReactNode;
  if (closed) content = <KioskClosed onNewCode={() => setClosed(false)} />;
  else if (!token) content = <KioskCodeScreen onStarted={setToken} />;
  else if (session.data && visit)
    content = (
      <VisitorFlow
        key={visit}
        token={token}
        agreement={session.data.agreement}
        reload={reload}
        onGone={() => forget(true)}
        onFinish={endVisit}
        queue={queue}
      />
    );
  else if (session.data && blocked) content = <KioskOffline />;
  else if (session.data)
    content = <KioskWelcome schoolName={session.data.schoolName} busy={checking} onStart={start} />;
  else if (session.isPending) content = <SectionLoader />;
  else
    content = (
      <Stack>
        <ErrorAlert error={session.error} />
        <Button size="xl" variant="default" onClick={() => session.refetch()}>
          {t("kiosk.retry")}
        </Button>
      </Stack>
    );

  return (
    <DeviceLayout schoolName={schoolName} label={t("kiosk.label")}>
      <SigningQueueNotice queue={queue} />
      {content}
      {warning && visit !== 0 && (
        <StillThere seconds={Math.round(warnMs / 1000)} onStay={() => setWarning(false)} />
      )}
    </DeviceLayout>
  );
}

/**
 * Whether the oldest signature waiting on this tablet has waited longer than the school allows
 * (chosen when the kiosk was opened; 30 minutes unless chosen). Looked at again every 15 seconds.
 */
function useOfflineTooLong(oldestQueuedAt: number | undefined, offlineMinutes = 30) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (oldestQueuedAt === undefined) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, [oldestQueuedAt]);
  return oldestQueuedAt !== undefined && now - oldestQueuedAt >= offlineMinutes * 60_000;
}
