package org.gatehouse.oidc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The admin page's form for a new client: the fields of {@link NewOidcClient}, URIs separated by spaces (a URI has
 * none), scopes as checkboxes (openid is always added).
 */
public class OidcClientForm {

	private String name;
	private String redirectUris;
	private String postLogoutRedirectUris;
	private boolean publicClient;
	private List<String> scopes = new ArrayList<>(OidcScopes.DEFAULT);
	private boolean skipConsent;
	private String backchannelLogoutUri;

	NewOidcClient toRequest() {
		return new NewOidcClient(name, split(redirectUris), split(postLogoutRedirectUris), publicClient, scopes,
				skipConsent, backchannelLogoutUri);
	}

	private static List<String> split(String uris) {
		return uris == null || uris.isBlank() ? List.of() : Arrays.asList(uris.strip().split("\\s+"));
	}

	public String getName() { return name; }
	public void setName(String name) { this.name = name; }
	public String getRedirectUris() { return redirectUris; }
	public void setRedirectUris(String redirectUris) { this.redirectUris = redirectUris; }
	public String getPostLogoutRedirectUris() { return postLogoutRedirectUris; }
	public void setPostLogoutRedirectUris(String uris) { this.postLogoutRedirectUris = uris; }
	public boolean isPublicClient() { return publicClient; }
	public void setPublicClient(boolean publicClient) { this.publicClient = publicClient; }
	public List<String> getScopes() { return scopes; }
	public void setScopes(List<String> scopes) { this.scopes = scopes == null ? new ArrayList<>() : scopes; }
	public boolean isSkipConsent() { return skipConsent; }
	public void setSkipConsent(boolean skipConsent) { this.skipConsent = skipConsent; }
	public String getBackchannelLogoutUri() { return backchannelLogoutUri; }
	public void setBackchannelLogoutUri(String uri) { this.backchannelLogoutUri = uri; }
}
