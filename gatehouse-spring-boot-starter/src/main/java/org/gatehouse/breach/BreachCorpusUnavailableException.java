package org.gatehouse.breach;

/** The corpus of breached passwords could not be asked (service unreachable, slow or answering an error; file unreadable). */
public class BreachCorpusUnavailableException extends RuntimeException {

	public BreachCorpusUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}
}
