package org.gatehouse.migration.invenio;

/** The database is not an Invenio-Accounts schema this Gatehouse knows how to read. */
public class UnknownInvenioSchemaException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	UnknownInvenioSchemaException(String message) {
		super(message);
	}
}
