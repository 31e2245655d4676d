// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.

/** Version of this SDK (the spec's version). */
export const VERSION = '3.0.0';

/** SHA-256 of the spec/dwcp.yaml this SDK was generated from. */
export const SPEC_HASH = 'dfa26f5f3ad495799a7c561985fa6bc07599e6c4d9e557808961f7e42d4462f3';
