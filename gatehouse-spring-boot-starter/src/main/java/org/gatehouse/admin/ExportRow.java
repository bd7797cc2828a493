package org.gatehouse.admin;

import java.util.Map;

/** One user of an export file as raw text fields, with the line it starts on for error reports. */
public record ExportRow(int line, Map<String, String> fields) {

	/** The trimmed field, or null when missing, empty or Python's "None". */
	public String field(String name) {
		String value = fields.get(name);
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		return trimmed.isEmpty() || trimmed.equals("None") || trimmed.equals("null") ? null : trimmed;
	}
}
