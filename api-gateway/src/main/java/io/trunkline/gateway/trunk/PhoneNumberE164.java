package io.trunkline.gateway.trunk;

import java.util.Optional;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * A DID, the {@code phone_number} of a {@code number} trunk, in E.164. Only the written
 * form the documentation shows is accepted: {@code +} and 1 to 15 ASCII digits, no
 * spaces, dashes or brackets, so that the same number always arrives the same way and the
 * duplicate check holds. libphonenumber then decides whether the number can exist (a
 * country calling code, a valid length and range). It also drops a national trunk prefix
 * written after the country code ({@code +4402071838750} becomes {@code +442071838750});
 * the value is libphonenumber's E.164 form. The number is parsed and placed once (placing
 * a number of a shared calling code matches it against each region's ranges, the
 * costliest part of validating a create).
 *
 * @param value the number in E.164
 * @param region the region libphonenumber places it in ({@code 001} for non-geographic
 * numbers), or {@code null} when it ties it to none
 */
record PhoneNumberE164(String value, String region) {

	static final String RULE = "must be a valid E.164 number with a leading +, e.g. +14155551234.";

	private static final Pattern WRITTEN_FORM = Pattern.compile("\\+[0-9]{1,15}");

	private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();

	/**
	 * @param written the number as the client wrote it
	 * @return the number, if it can exist
	 * @throws FieldRejected when it is not written as documented or cannot exist
	 */
	static PhoneNumberE164 of(String written) {
		PhoneNumber number = parse(written);
		// What isValidNumber does, keeping the region it finds.
		String region = PHONE_NUMBERS.getRegionCodeForNumber(number);
		if (!PHONE_NUMBERS.isValidNumberForRegion(number, region)) {
			throw new FieldRejected(RULE);
		}
		return new PhoneNumberE164(PHONE_NUMBERS.format(number, PhoneNumberFormat.E164), region);
	}

	/**
	 * The country the number belongs to, when libphonenumber ties it to exactly one ISO
	 * 3166-1 country. Numbers of a shared calling code are placed by their range
	 * ({@code +1 416} is CA, {@code +1 415} is US). Empty for non-geographic numbers
	 * ({@code +800}, region {@code 001}) and for regions without an ISO 3166-1 code
	 * ({@code XK}, {@code AC}, {@code TA}).
	 * @return the ISO 3166-1 alpha-2 code, if there is exactly one
	 */
	Optional<String> country() {
		return Optional.ofNullable(this.region).filter(CountryCode::isAssigned);
	}

	private static PhoneNumber parse(String value) {
		if (value == null || !WRITTEN_FORM.matcher(value).matches()) {
			throw new FieldRejected(RULE);
		}
		try {
			return PHONE_NUMBERS.parse(value, null);
		}
		catch (NumberParseException ex) {
			throw new FieldRejected(RULE);
		}
	}

}
