package org.gatehouse.admin;

import org.gatehouse.audit.AuditAutoConfiguration;
import org.gatehouse.config.GatehouseAutoConfiguration;
import org.gatehouse.token.ApiTokenAutoConfiguration;
import org.gatehouse.account.TokensProperties;
import org.gatehouse.password.PasswordsProperties;
import org.gatehouse.mail.MailProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Administration: the services the admin pages, the /api/admin/ JSON API and the command line share
 * (roles, bans, unlocks, invitations, import), the first administrator's setup link, and the pages
 * and API themselves in a web application.
 */
@AutoConfiguration(after = { GatehouseAutoConfiguration.class, ApiTokenAutoConfiguration.class,
		AuditAutoConfiguration.class })
@Import({ AdminActionRule.class, AdminUserActions.class, BanService.class, RoleAssignments.class, LoginLocks.class,
		UserInvitations.class, InvitationLinks.class, UserSearch.class, UserImport.class, ImportedHashes.class,
		FirstAdminSetup.class })
@EnableConfigurationProperties({ TokensProperties.class, PasswordsProperties.class, MailProperties.class })
public class AdminAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@Import({ AdminUsersController.class, AdminUserCreationController.class, AdminApiController.class,
			InvitationController.class, SetupController.class, ReauthenticationController.class,
			ReauthenticationRequiredHandler.class, UserPageActions.class, NewUsers.class })
	static class Web {
	}
}
