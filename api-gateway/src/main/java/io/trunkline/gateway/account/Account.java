package io.trunkline.gateway.account;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A customer of Trunkline. Every trunk belongs to exactly one account.
 *
 * @param id the account's id, assigned by the database
 * @param name a label for operators
 * @param createdAt when the account was opened
 */
@Table("accounts")
public record Account(@Id Long id, String name, Instant createdAt) {

	static Account named(String name) {
		return new Account(null, name, Instant.now());
	}

}
