/** The USB archive (export, verify, merge) and backup channels of the contract (spread into `contract` in contract.ts). Pure TypeScript + zod. */
export const archiveChannels = {} as const;
