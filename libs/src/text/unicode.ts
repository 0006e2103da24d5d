/** Half of a surrogate pair with no other half: UTF-8 cannot encode it, PostgreSQL cannot store it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `text` holds a lone surrogate (invalid Unicode). */
export const hasLoneSurrogate = (text: string): boolean => LONE_SURROGATE.test(text);
