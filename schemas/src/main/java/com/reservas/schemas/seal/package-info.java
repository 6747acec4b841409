/** Field-level sealing of event values meant for one reader only (the payment-method token). */
package com.reservas.schemas.seal;
