// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.

/** Version of this SDK (the spec's version). */
export const VERSION = '3.0.0';

/** SHA-256 of the spec/dwcp.yaml this SDK was generated from. */
export const SPEC_HASH = '9f6d0bfc03d2556d7988603d12eea70a356a72a4c808c35a45d0409814a6d7cf';
