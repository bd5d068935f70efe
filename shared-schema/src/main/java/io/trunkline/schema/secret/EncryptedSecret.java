package io.trunkline.schema.secret;

import java.util.Arrays;
import java.util.Objects;

/**
 * A secret as stored: the id of the key that sealed it and
 * {@code nonce || ciphertext || tag}. Its {@link #toString()} never shows the bytes.
 *
 * @param keyId the key ring entry that encrypted it
 * @param ciphertext the 12-byte GCM nonce followed by the ciphertext and the 16-byte tag
 */
public record EncryptedSecret(String keyId, byte[] ciphertext) {

	public EncryptedSecret {
		Objects.requireNonNull(keyId, "keyId");
		Objects.requireNonNull(ciphertext, "ciphertext");
		ciphertext = ciphertext.clone();
	}

	@Override
	public byte[] ciphertext() {
		return this.ciphertext.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof EncryptedSecret that && this.keyId.equals(that.keyId)
				&& Arrays.equals(this.ciphertext, that.ciphertext);
	}

	@Override
	public int hashCode() {
		return 31 * this.keyId.hashCode() + Arrays.hashCode(this.ciphertext);
	}

	@Override
	public String toString() {
		return "EncryptedSecret[keyId=" + this.keyId + ", " + this.ciphertext.length + " bytes]";
	}

}
