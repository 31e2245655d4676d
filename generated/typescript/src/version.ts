// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.

/** Version of this SDK (the spec's version). */
export const VERSION = '3.0.0';

/** SHA-256 of the spec/dwcp.yaml this SDK was generated from. */
export const SPEC_HASH = 'ed8016d0737ec440c0b723e9e97fe80cc76e85f9ba4d7f854360751e98b2fbdc';
