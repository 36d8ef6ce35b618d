/**
 * Build variants. The public build (`npm run build:public`) is read-only: it shows aggregated,
 * secrecy-protected figures and offers nothing to edit, import or save.
 */
export const PUBLIC_BUILD = import.meta.env.MODE === 'public';
