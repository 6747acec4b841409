package com.reservas.standin.kit.fault;

/**
 * One way a stand-in's requests can fail on purpose. Each stand-in names its own failure modes (an
 * enum: the error answers its real counterpart gives in an outage); the kit only needs to know how
 * each reaches the client, so that holding and resetting connections is written once.
 */
public interface InjectedFailure {

  /** How the failure reaches the client. */
  Kind kind();

  /** The shapes an outage takes on the wire. */
  enum Kind {
    /** An HTTP error answer, written by the stand-in in its API's error format. */
    ERROR_ANSWER,
    /**
     * No answer: the request is held far longer than any client timeout (bounded, and let go when
     * the stand-in stops), then the connection is reset.
     */
    NO_ANSWER,
    /** The connection is reset (TCP RST) at once, without an answer. */
    CONNECTION_RESET
  }
}
