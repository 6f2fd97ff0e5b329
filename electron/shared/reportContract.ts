/** The report and outgoing-register channels of the contract (spread into `contract` in contract.ts). Pure TypeScript + zod. */
export const reportChannels = {} as const;
