import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api";

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  body: string;
  status: "pending" | "sent" | "failed";
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
}

export function useOutbox() {
  return useQuery({
    queryKey: ["mail-outbox"],
    queryFn: () => api.get<{ smtpConfigured: boolean; messages: OutboxMessage[] }>("/mail/outbox"),
  });
}
