package io.trunkline.gateway.account;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The accounts.
 */
interface Accounts extends ListCrudRepository<Account, Long> {

	Optional<Account> findFirstByNameOrderById(String name);

}
