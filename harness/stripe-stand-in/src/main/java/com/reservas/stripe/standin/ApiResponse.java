package com.reservas.stripe.standin;

/**
 * One answer of the Stripe API, ready to write: status, JSON body, and the request id it was first
 * given (replays keep it as {@code Original-Request}).
 */
record ApiResponse(int status, String body, String requestId) {}
