// Code generated from spec/dwcp.yaml by generator/; DO NOT EDIT.

/** Version of this SDK (the spec's version). */
export const VERSION = '3.0.0';

/** SHA-256 of the spec/dwcp.yaml this SDK was generated from. */
export const SPEC_HASH = '86bb25acddfd32597e436eb83d93c9e095bc6329a3b179de857cd36923612ea0';
