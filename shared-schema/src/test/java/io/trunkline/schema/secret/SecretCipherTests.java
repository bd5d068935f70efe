package io.trunkline.schema.secret;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretCipherTests {

	static final String RING = "k2:" + key(2) + ",k1:" + key(1);

	@Test
	void decryptsWhatItEncrypted() {
		SecretCipher cipher = SecretCipher.fromKeyRing(RING);

		EncryptedSecret secret = cipher.encrypt("s3cret-pass", "request-1");

		assertThat(secret.keyId()).isEqualTo("k2");
		assertThat(cipher.decrypt(secret, "request-1")).isEqualTo("s3cret-pass");
	}

	@Test
	void neverStoresThePasswordInClear() {
		EncryptedSecret secret = SecretCipher.fromKeyRing(RING).encrypt("s3cret-pass", "request-1");

		assertThat(new String(secret.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("s3cret-pass");
		assertThat(secret.toString()).doesNotContain("s3cret-pass");
	}

	@Test
	void encryptsTheSameSecretDifferentlyEachTime() {
		SecretCipher cipher = SecretCipher.fromKeyRing(RING);

		assertThat(cipher.encrypt("same", "c").ciphertext()).isNotEqualTo(cipher.encrypt("same", "c").ciphertext());
	}

	@Test
	void refusesACiphertextMovedToAnotherRow() {
		SecretCipher cipher = SecretCipher.fromKeyRing(RING);
		EncryptedSecret secret = cipher.encrypt("s3cret-pass", "request-1");

		assertThatThrownBy(() -> cipher.decrypt(secret, "request-2"))
			.isInstanceOf(SecretCipher.UndecryptableSecret.class);
	}

	@Test
	void refusesATamperedCiphertext() {
		SecretCipher cipher = SecretCipher.fromKeyRing(RING);
		byte[] bytes = cipher.encrypt("s3cret-pass", "r").ciphertext();
		bytes[bytes.length - 1] ^= 1;

		assertThatThrownBy(() -> cipher.decrypt(new EncryptedSecret("k2", bytes), "r"))
			.isInstanceOf(SecretCipher.UndecryptableSecret.class);
	}

	@Test
	void keepsWorkingOnTheSameThreadAfterARefusedSecretAndAcrossKeyRings() {
		// Each thread reuses one cipher object: a refusal or another ring's key must not
		// stick to it.
		SecretCipher cipher = SecretCipher.fromKeyRing(RING);
		SecretCipher other = SecretCipher.fromKeyRing("k9:" + key(9));
		EncryptedSecret secret = cipher.encrypt("s3cret-pass", "r");
		byte[] tampered = secret.ciphertext().clone();
		tampered[tampered.length - 1] ^= 1;

		assertThatThrownBy(() -> cipher.decrypt(new EncryptedSecret("k2", tampered), "r"))
			.isInstanceOf(SecretCipher.UndecryptableSecret.class);
		EncryptedSecret elsewhere = other.encrypt("other-pass", "r");
		assertThat(cipher.decrypt(secret, "r")).isEqualTo("s3cret-pass");
		assertThat(other.decrypt(elsewhere, "r")).isEqualTo("other-pass");
		assertThatThrownBy(() -> cipher.decrypt(new EncryptedSecret("k2", elsewhere.ciphertext()), "r"))
			.isInstanceOf(SecretCipher.UndecryptableSecret.class);
		assertThat(cipher.decrypt(cipher.encrypt("again", "r2"), "r2")).isEqualTo("again");
	}

	@Test
	void encryptsAndDecryptsOnManyThreadsAtOnce() throws Exception {
		SecretCipher cipher = SecretCipher.fromKeyRing(RING);
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<String>> decrypted = new ArrayList<>();
			for (int i = 0; i < 400; i++) {
				String context = "request-" + i;
				decrypted
					.add(threads.submit(() -> cipher.decrypt(cipher.encrypt("pass-" + context, context), context)));
			}
			for (int i = 0; i < 400; i++) {
				assertThat(decrypted.get(i).get()).isEqualTo("pass-request-" + i);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void decryptsWithARetiredKeyAfterRotation() {
		EncryptedSecret old = SecretCipher.fromKeyRing("k1:" + key(1)).encrypt("s3cret-pass", "r");

		SecretCipher rotated = SecretCipher.fromKeyRing(RING);

		assertThat(rotated.decrypt(old, "r")).isEqualTo("s3cret-pass");
		assertThat(rotated.encrypt("new", "r").keyId()).isEqualTo("k2");
	}

	@Test
	void refusesASecretWhoseKeyLeftTheRing() {
		EncryptedSecret secret = SecretCipher.fromKeyRing("k9:" + key(9)).encrypt("s3cret-pass", "r");

		assertThatThrownBy(() -> SecretCipher.fromKeyRing(RING).decrypt(secret, "r"))
			.isInstanceOf(SecretCipher.UndecryptableSecret.class)
			.hasMessageContaining("k9");
	}

	@Test
	void refusesMalformedKeyRingsWithoutShowingKeyMaterial() {
		assertThatIllegalArgumentException().isThrownBy(() -> SecretCipher.fromKeyRing(""));
		assertThatIllegalArgumentException().isThrownBy(() -> SecretCipher.fromKeyRing("nokey"));
		assertThatIllegalArgumentException().isThrownBy(() -> SecretCipher.fromKeyRing("k1:not-base64!"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SecretCipher.fromKeyRing("k1:" + key(1) + ",k1:" + key(2)))
			.withMessageNotContaining(key(1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SecretCipher.fromKeyRing("k1:" + Base64.getEncoder().encodeToString(new byte[16])))
			.withMessageContaining("32 bytes");
	}

	static String key(int seed) {
		byte[] key = new byte[32];
		java.util.Arrays.fill(key, (byte) seed);
		return Base64.getEncoder().encodeToString(key);
	}

}
