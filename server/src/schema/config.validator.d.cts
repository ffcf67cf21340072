// Type of the standalone validator that scripts/build-validators.mjs writes next to this file.
declare const validate: ((data: unknown) => boolean) & {
  errors?: Array<{ instancePath: string; keyword: string; params: Record<string, unknown>; message?: string }> | null;
};
export = validate;
