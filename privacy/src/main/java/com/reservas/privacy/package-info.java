/**
 * Masking of personal data and secrets (docs/spec.md §7): {@link
 * com.reservas.privacy.PersonalDataMasker} is the only implementation; {@code
 * com.reservas.privacy.logback} plugs it into Logback.
 */
package com.reservas.privacy;
