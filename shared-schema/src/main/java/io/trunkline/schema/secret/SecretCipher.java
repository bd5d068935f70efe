package io.trunkline.schema.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated encryption of secrets at rest with AES-256-GCM.
 * <p>
 * The key ring is written {@code id:base64key[,id:base64key...]}; the first entry
 * encrypts, every entry decrypts, so a key rotates by putting the new one first and
 * dropping the old one once no row uses it. Each ciphertext is bound to a context (the
 * owning row's id) as associated data, so a ciphertext copied to another row does not
 * decrypt. The api-gateway only encrypts; only the provisioning-worker decrypts, and only
 * to call LiveKit.
 */
public final class SecretCipher {

	/**
	 * The configuration property both services read the key ring from, set only from the
	 * environment ({@code TRUNKLINE_SECRETS_KEYS}); its value is never logged.
	 */
	public static final String KEY_RING_PROPERTY = "trunkline.secrets.keys";

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	/**
	 * One AES-GCM cipher per thread, initialised anew (key, fresh nonce) for every use:
	 * looking the transformation up among the security providers cost three quarters of
	 * an encryption (JFR, docs/benchmarks/2026-11-27-e64d34d.md).
	 */
	private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
		try {
			return Cipher.getInstance(TRANSFORMATION);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is unavailable", ex);
		}
	});

	private final SecureRandom random = new SecureRandom();

	private final Map<String, SecretKeySpec> keys;

	private final String activeKeyId;

	private SecretCipher(Map<String, SecretKeySpec> keys, String activeKeyId) {
		this.keys = Collections.unmodifiableMap(keys);
		this.activeKeyId = activeKeyId;
	}

	/**
	 * Reads a key ring. Every key must be 32 bytes (AES-256), base64-encoded.
	 * @param keyRing {@code id:base64key[,id:base64key...]}, the first entry being the
	 * active key
	 * @return a cipher over that ring
	 * @throws IllegalArgumentException when the ring is empty or malformed; the message
	 * never contains key material
	 */
	public static SecretCipher fromKeyRing(String keyRing) {
		if (keyRing == null || keyRing.isBlank()) {
			throw new IllegalArgumentException("The secret key ring is empty: set TRUNKLINE_SECRETS_KEYS to "
					+ "id:base64-of-32-random-bytes (e.g. k1:$(openssl rand -base64 32))");
		}
		Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
		for (String entry : keyRing.split(",")) {
			String trimmed = entry.trim();
			int colon = trimmed.indexOf(':');
			if (colon <= 0 || colon == trimmed.length() - 1) {
				throw new IllegalArgumentException("A key ring entry must be id:base64key");
			}
			String id = trimmed.substring(0, colon);
			byte[] key;
			try {
				key = Base64.getDecoder().decode(trimmed.substring(colon + 1));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("The key '" + id + "' is not valid base64");
			}
			if (key.length != 32) {
				throw new IllegalArgumentException("The key '" + id + "' must be 32 bytes, not " + key.length);
			}
			if (keys.putIfAbsent(id, new SecretKeySpec(key, "AES")) != null) {
				throw new IllegalArgumentException("The key id '" + id + "' appears twice");
			}
		}
		return new SecretCipher(keys, keys.keySet().iterator().next());
	}

	/**
	 * Creates a key ring with one fresh random key, for a local stack that keeps nothing
	 * across restarts.
	 * @return a key ring string for {@link #fromKeyRing(String)}
	 */
	public static String randomKeyRing() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return "local:" + Base64.getEncoder().encodeToString(key);
	}

	/**
	 * Encrypts a secret with the active key.
	 * @param plaintext the secret
	 * @param context what the secret belongs to, bound as associated data
	 * @return the stored form
	 */
	public EncryptedSecret encrypt(String plaintext, String context) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = CIPHERS.get();
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(this.activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[NONCE_BYTES + sealed.length];
			System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
			System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
			return new EncryptedSecret(this.activeKeyId, out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption is unavailable", ex);
		}
	}

	/**
	 * Decrypts a stored secret.
	 * @param secret the stored form
	 * @param context the same context it was encrypted with
	 * @return the secret
	 * @throws UndecryptableSecret when the key is unknown or the ciphertext, key or
	 * context do not match
	 */
	public String decrypt(EncryptedSecret secret, String context) {
		SecretKeySpec key = this.keys.get(secret.keyId());
		if (key == null) {
			throw new UndecryptableSecret("No key '" + secret.keyId() + "' in the key ring");
		}
		byte[] stored = secret.ciphertext();
		if (stored.length < NONCE_BYTES + TAG_BITS / 8) {
			throw new UndecryptableSecret("The stored secret is truncated");
		}
		try {
			Cipher cipher = CIPHERS.get();
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] plain = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new UndecryptableSecret("The stored secret does not authenticate under key '" + secret.keyId() + "'");
		}
	}

	/**
	 * @return the id of the key that encrypts new secrets
	 */
	public String activeKeyId() {
		return this.activeKeyId;
	}

	/**
	 * A stored secret cannot be decrypted: the key is missing or the ciphertext was
	 * altered.
	 */
	public static final class UndecryptableSecret extends RuntimeException {

		UndecryptableSecret(String message) {
			super(message);
		}

	}

}
