/** Logback conversion words that route log output through the personal data masker. */
package com.reservas.privacy.logback;
