/**
 * Masking of personal data and secrets (SPEC §7): {@link com.reservas.privacy.PersonalDataMasker}
 * is the only implementation; {@code com.reservas.privacy.logback} plugs it into Logback.
 */
package com.reservas.privacy;
