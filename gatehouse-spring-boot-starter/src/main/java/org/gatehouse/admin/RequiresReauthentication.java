package org.gatehouse.admin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A destructive admin action: without a password entered within
 * gatehouse.admin.reauthentication-timeout, the request goes to the re-authentication page.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresReauthentication {
}
