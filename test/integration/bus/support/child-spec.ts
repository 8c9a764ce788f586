/** How a child process opens the same bus as the test (see bus-child.ts). */
export type ChildBusSpec = { kind: 'nats'; natsUrl: string; namespace: string } | { kind: 'in-process'; journalDir: string };
