/** The UI's formatting helpers are the domain's (src/domain/format.ts), shared with the reports. */
export * from '../domain/format.ts';
