// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.

/** Version of this SDK (the spec's version). */
export const VERSION = '3.0.0';

/** SHA-256 of the spec/dwcp.yaml this SDK was generated from. */
export const SPEC_HASH = '2a8adb99532973d22cfb2932c18af3c3679ed41934279accd170a9967a379a55';
