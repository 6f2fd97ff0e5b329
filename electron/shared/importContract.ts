/** The import channels of the contract (spread into `contract` in contract.ts). Pure TypeScript + zod. */
export const importChannels = {} as const;
