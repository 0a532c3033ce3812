/** Notification API constants without zod, for the pages (the schemas are in schema.ts). */

export const maxAreas = 20;

/** The header that carries a manage token (not Authorization: that is for staff bearer JWTs). */
export const manageTokenHeader = 'x-bosai-manage-token';
