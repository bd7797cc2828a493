package org.gatehouse.admin;

/** The admin area's URLs, under /admin/ which the security configuration reserves for role admin. */
final class AdminPaths {

	static final String HOME = "/admin/";
	static final String USERS = "/admin/users/";
	static final String NEW_USER = "/admin/users/new";
	static final String REAUTH = "/admin/reauth";
	static final String AUDIT = "/admin/audit/";

	private AdminPaths() {
	}

	static String user(long id) {
		return USERS + id;
	}

	/** Only admin pages are allowed as the target after re-authentication. */
	static boolean isAdminPage(String path) {
		return path != null && path.matches("/admin/[A-Za-z0-9/_-]*") && !path.contains("//");
	}
}
