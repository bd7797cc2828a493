package org.gatehouse.admin;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Role names as typed or exported: separated by commas and/or whitespace, as Flask-Security exports them. */
public final class RoleList {

	private RoleList() {
	}

	public static List<String> parse(String roles) {
		if (roles == null || roles.isBlank()) {
			return List.of();
		}
		return Arrays.stream(roles.split("[,\\s]+")).filter(r -> !r.isBlank())
			.map(r -> r.toLowerCase(Locale.ROOT)).distinct().toList();
	}
}
