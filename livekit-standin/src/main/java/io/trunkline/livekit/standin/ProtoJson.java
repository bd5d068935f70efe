package io.trunkline.livekit.standin;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;

/**
 * JSON as LiveKit's Twirp server reads and writes it with Go's {@code protojson}.
 *
 * <p>
 * Reading accepts proto and camelCase names and drops unknown fields
 * ({@code DiscardUnknown}); Java's {@link JsonFormat} parser does exactly that.
 *
 * <p>
 * Writing uses proto names and emits every field ({@code UseProtoNames},
 * {@code EmitUnpopulated}): {@code ""}, {@code 0}, {@code false}, {@code []}, {@code {}},
 * the zero enum name, and {@code null} for an unset message field outside a oneof; unset
 * oneof members are left out; map keys are sorted. {@link JsonFormat}'s printer cannot
 * write those {@code null}s and escapes HTML characters where {@code protojson} does not,
 * so messages are walked here and only well-known types ({@code Timestamp},
 * {@code Duration}, ...) are left to it.
 */
final class ProtoJson {

	private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

	private static final JsonFormat.Printer WELL_KNOWN_TYPES = JsonFormat.printer().omittingInsignificantWhitespace();

	private ProtoJson() {
	}

	static <B extends Message.Builder> B parse(String json, B builder) throws InvalidProtocolBufferException {
		PARSER.merge(json, builder);
		return builder;
	}

	static String print(Message message) {
		StringBuilder json = new StringBuilder(256);
		writeMessage(json, message);
		return json.toString();
	}

	private static void writeMessage(StringBuilder json, Message message) {
		Descriptor type = message.getDescriptorForType();
		if (isWellKnown(type)) {
			try {
				json.append(WELL_KNOWN_TYPES.print(message));
			}
			catch (InvalidProtocolBufferException ex) {
				throw new IllegalStateException("Could not print a " + type.getFullName(), ex);
			}
			return;
		}
		json.append('{');
		boolean first = true;
		for (FieldDescriptor field : type.getFields()) {
			boolean populated = field.isRepeated() ? message.getRepeatedFieldCount(field) > 0
					: !field.hasPresence() || message.hasField(field);
			if (!populated && field.getContainingOneof() != null) {
				continue;
			}
			if (!first) {
				json.append(',');
			}
			first = false;
			json.append(JsonStrings.protojson(field.getName())).append(':');
			if (field.isMapField()) {
				writeMap(json, message, field);
			}
			else if (field.isRepeated()) {
				json.append('[');
				for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
					if (i > 0) {
						json.append(',');
					}
					writeValue(json, field, message.getRepeatedField(field, i));
				}
				json.append(']');
			}
			else if (!populated) {
				json.append("null");
			}
			else {
				writeValue(json, field, message.getField(field));
			}
		}
		json.append('}');
	}

	private static void writeMap(StringBuilder json, Message message, FieldDescriptor field) {
		FieldDescriptor keyField = field.getMessageType().findFieldByName("key");
		FieldDescriptor valueField = field.getMessageType().findFieldByName("value");
		List<Message> entries = new ArrayList<>();
		for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
			entries.add((Message) message.getRepeatedField(field, i));
		}
		entries.sort(Comparator.comparing((entry) -> mapKey(entry, keyField), ProtoJson::compareKeys));
		json.append('{');
		for (int i = 0; i < entries.size(); i++) {
			if (i > 0) {
				json.append(',');
			}
			json.append(JsonStrings.protojson(String.valueOf(entries.get(i).getField(keyField)))).append(':');
			writeValue(json, valueField, entries.get(i).getField(valueField));
		}
		json.append('}');
	}

	private static Object mapKey(Message entry, FieldDescriptor keyField) {
		return entry.getField(keyField);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static int compareKeys(Object one, Object other) {
		return ((Comparable) one).compareTo(other);
	}

	private static void writeValue(StringBuilder json, FieldDescriptor field, Object value) {
		switch (field.getType()) {
			case INT32, SINT32, SFIXED32 -> json.append((int) value);
			case UINT32, FIXED32 -> json.append(Integer.toUnsignedString((int) value));
			case INT64, SINT64, SFIXED64 -> json.append('"').append((long) value).append('"');
			case UINT64, FIXED64 -> json.append('"').append(Long.toUnsignedString((long) value)).append('"');
			case FLOAT -> writeNumber(json, (float) value);
			case DOUBLE -> writeNumber(json, (double) value);
			case BOOL -> json.append((boolean) value);
			case STRING -> json.append(JsonStrings.protojson((String) value));
			case BYTES -> json.append('"')
				.append(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()))
				.append('"');
			case ENUM -> writeEnum(json, field, (EnumValueDescriptor) value);
			case MESSAGE, GROUP -> writeMessage(json, (Message) value);
		}
	}

	private static void writeEnum(StringBuilder json, FieldDescriptor field, EnumValueDescriptor value) {
		if (field.getEnumType().getFullName().equals("google.protobuf.NullValue")) {
			json.append("null");
		}
		else if (value.getIndex() < 0) {
			json.append(value.getNumber());
		}
		else {
			json.append(JsonStrings.protojson(value.getName()));
		}
	}

	private static void writeNumber(StringBuilder json, double value) {
		if (Double.isNaN(value)) {
			json.append("\"NaN\"");
		}
		else if (Double.isInfinite(value)) {
			json.append((value > 0) ? "\"Infinity\"" : "\"-Infinity\"");
		}
		else if (value == Math.rint(value) && Math.abs(value) < 1e21) {
			json.append((long) value);
		}
		else {
			json.append(value);
		}
	}

	private static boolean isWellKnown(Descriptor type) {
		return type.getFullName().startsWith("google.protobuf.");
	}

}
