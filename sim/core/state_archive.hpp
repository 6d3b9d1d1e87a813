// Saving and restoring a system's state between days as bytes, for checkpoints. A type says what
// it keeps with one member template, used in both directions:
//   template <class Archive> void persist(Archive& archive) { archive(stock_t_, queue_, fleet_); }
// Numbers, enums, strings, vectors, arrays, optionals, variants, pairs and plain aggregates (structs
// of such fields, up to 32) need nothing more. A type that holds anything else (a pointer, a
// priority queue) does not compile until it says how it keeps it, so no state is lost silently.
// Bytes are the machine's own (little-endian, checked by the checkpoint file); sizes are checked
// against the bytes left before anything is allocated.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "sim/core/error.hpp"

namespace munisim {

// A checkpoint failed a check: what was wrong, for the message that names the file.
class CheckpointError : public InputError {
 public:
  using InputError::InputError;
};

class StateWriter {
 public:
  void raw(const void* data, std::size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    bytes_.insert(bytes_.end(), bytes, bytes + size);
  }
  [[nodiscard]] const std::vector<unsigned char>& bytes() const noexcept { return bytes_; }
  [[nodiscard]] std::vector<unsigned char> take() { return std::move(bytes_); }

 private:
  std::vector<unsigned char> bytes_;
};

// Reads one section; every read is bounds-checked and errors name the section.
class StateReader {
 public:
  StateReader(std::span<const unsigned char> bytes, std::string section)
      : bytes_(bytes), section_(std::move(section)) {}

  void raw(void* data, std::size_t size) {
    need(size, 1);
    if (size > 0) std::memcpy(data, bytes_.data() + at_, size);
    at_ += size;
  }
  // Error unless `count` elements of at least `element_bytes` each fit in what is left.
  void need(std::uint64_t count, std::size_t element_bytes) const {
    const std::size_t left = bytes_.size() - at_;
    if (element_bytes > 0 && count > left / element_bytes) {
      throw CheckpointError("section '" + section_ + "' ends early: " + std::to_string(count) + " x " +
                            std::to_string(element_bytes) + " bytes wanted at offset " + std::to_string(at_) +
                            ", " + std::to_string(left) + " left");
    }
  }
  // Error unless every byte was read: a section longer than its state means another layout.
  void finish() const {
    if (at_ != bytes_.size()) {
      throw CheckpointError("section '" + section_ + "' has " + std::to_string(bytes_.size() - at_) +
                            " bytes more than the state it restores");
    }
  }
  [[noreturn]] void fail(const std::string& problem) const {
    throw CheckpointError("section '" + section_ + "': " + problem);
  }

 private:
  std::span<const unsigned char> bytes_;
  std::size_t at_ = 0;
  std::string section_;
};

namespace state_detail {

// Counts an aggregate's fields: the most initialisers T{...} accepts.
struct AnyField {
  template <class T>
  operator T() const;  // NOLINT(google-explicit-constructor): only in unevaluated contexts
};
template <class T, class... Fields>
constexpr std::size_t field_count() {
  if constexpr (sizeof...(Fields) > 40) {
    return 0;
  } else if constexpr (requires { T{Fields{}..., AnyField{}}; }) {
    return field_count<T, Fields..., AnyField>();
  } else {
    return sizeof...(Fields);
  }
}

template <class Archive, class T>
void fields(Archive& archive, T& value);

}  // namespace state_detail

template <class Archive, class T>
void persist_value(Archive& archive, T& value);

template <bool Loading, class Stream>
class StateArchive {
 public:
  static constexpr bool loading = Loading;
  explicit StateArchive(Stream& stream) : stream_(stream) {}

  template <class... T>
  void operator()(T&... values) {
    (persist_value(*this, values), ...);
  }
  template <class T>
  void scalar(T& value) {
    stream_.raw(&value, sizeof value);
  }
  // A count of elements that follow, each at least `element_bytes` long: checked before allocating.
  std::uint64_t count(std::uint64_t size, std::size_t element_bytes) {
    scalar(size);
    if constexpr (Loading) stream_.need(size, element_bytes);
    return size;
  }
  template <class T>
  void block(T* data, std::size_t size) {
    stream_.raw(data, size * sizeof(T));
  }
  [[noreturn]] void fail(const std::string& problem) {
    if constexpr (Loading) {
      stream_.fail(problem);
    } else {
      throw Error(problem);
    }
  }

 private:
  Stream& stream_;
};

using SaveArchive = StateArchive<false, StateWriter>;
using LoadArchive = StateArchive<true, StateReader>;

template <class Archive, class T>
void persist_value(Archive& archive, std::vector<T>& values) {
  const std::uint64_t size =
      archive.count(values.size(), std::is_arithmetic_v<T> || std::is_enum_v<T> ? sizeof(T) : 1);
  if constexpr (Archive::loading) values.resize(size);
  if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) {
    archive.block(values.data(), values.size());
  } else {
    for (T& value : values) persist_value(archive, value);
  }
}

template <class Archive>
void persist_value(Archive& archive, std::vector<bool>& values) {
  const std::uint64_t size = archive.count(values.size(), 1);
  if constexpr (Archive::loading) values.assign(size, false);
  for (std::size_t i = 0; i < size; ++i) {
    bool value = values[i];
    archive.scalar(value);
    values[i] = value;
  }
}

template <class Archive>
void persist_value(Archive& archive, std::string& text) {
  const std::uint64_t size = archive.count(text.size(), 1);
  if constexpr (Archive::loading) text.resize(size);
  archive.block(text.data(), text.size());
}

template <class Archive, class T, std::size_t N>
void persist_value(Archive& archive, std::array<T, N>& values) {
  for (T& value : values) persist_value(archive, value);
}

template <class Archive, class A, class B>
void persist_value(Archive& archive, std::pair<A, B>& pair) {
  persist_value(archive, pair.first);
  persist_value(archive, pair.second);
}

template <class Archive, class T>
void persist_value(Archive& archive, std::optional<T>& value) {
  bool present = value.has_value();
  archive.scalar(present);
  if constexpr (Archive::loading) {
    if (present) {
      value.emplace();
    } else {
      value.reset();
    }
  }
  if (present) persist_value(archive, *value);
}

template <class Archive, class... T>
void persist_value(Archive& archive, std::variant<T...>& value) {
  std::uint32_t index = static_cast<std::uint32_t>(value.index());
  archive.scalar(index);
  if constexpr (Archive::loading) {
    if (index >= sizeof...(T)) archive.fail("variant alternative " + std::to_string(index) + " does not exist");
    constexpr std::array<std::variant<T...> (*)(), sizeof...(T)> make = {
        [] { return std::variant<T...>(std::in_place_type<T>); }...};
    value = make[index]();
  }
  std::visit([&](auto& alternative) { persist_value(archive, alternative); }, value);
}

template <class Archive, class T>
void persist_value(Archive& archive, T& value) {
  if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) {
    archive.scalar(value);
  } else if constexpr (requires { value.persist(archive); }) {
    value.persist(archive);
  } else {
    static_assert(std::is_aggregate_v<T>,
                  "this type keeps state between days but cannot be saved: give it a persist() member");
    state_detail::fields(archive, value);
  }
}

namespace state_detail {

template <class Archive, class T>
void fields(Archive& archive, T& value) {
  constexpr std::size_t n = field_count<T>();
  // clang-format off
  if constexpr (n == 0) {
  } else if constexpr (n == 1) { auto& [f0] = value; archive(f0);
  } else if constexpr (n == 2) { auto& [f0, f1] = value; archive(f0, f1);
  } else if constexpr (n == 3) { auto& [f0, f1, f2] = value; archive(f0, f1, f2);
  } else if constexpr (n == 4) { auto& [f0, f1, f2, f3] = value; archive(f0, f1, f2, f3);
  } else if constexpr (n == 5) { auto& [f0, f1, f2, f3, f4] = value; archive(f0, f1, f2, f3, f4);
  } else if constexpr (n == 6) { auto& [f0, f1, f2, f3, f4, f5] = value; archive(f0, f1, f2, f3, f4, f5);
  } else if constexpr (n == 7) { auto& [f0, f1, f2, f3, f4, f5, f6] = value; archive(f0, f1, f2, f3, f4, f5, f6);
  } else if constexpr (n == 8) { auto& [f0, f1, f2, f3, f4, f5, f6, f7] = value; archive(f0, f1, f2, f3, f4, f5, f6, f7);
  } else if constexpr (n == 9) { auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8] = value; archive(f0, f1, f2, f3, f4, f5, f6, f7, f8);
  } else if constexpr (n == 10) { auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9] = value; archive(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9);
  } else if constexpr (n == 11) { auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10] = value; archive(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10);
  } else if constexpr (n == 12) { auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11] = value; archive(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11);
  } else if constexpr (n == 13) { auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12] = value; archive(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12);
  } else if constexpr (n == 14) { auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13] = value; archive(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13);
  } else if constexpr (n == 15) { auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14] = value; archive(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14);
  } else if constexpr (n == 16) { auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15] = value; archive(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15);
  } else if constexpr (n == 17) { auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16] = value; archive(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16);
  } else if constexpr (n == 18) { auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17] = value; archive(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17);
  } else if constexpr (n == 19) { auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18] = value; archive(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18);
  } else if constexpr (n == 20) { auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19] = value; archive(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19);
  } else if constexpr (n == 21) { auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20] = value; archive(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20);
  } else if constexpr (n == 22) { auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21] = value; archive(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21);
  } else if constexpr (n == 23) { auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22] = value; archive(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22);
  } else if constexpr (n == 24) { auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22, f23] = value; archive(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22, f23);
  } else if constexpr (n == 25) { auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22, f23, f24] = value; archive(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22, f23, f24);
  } else if constexpr (n == 26) { auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22, f23, f24, f25] = value; archive(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22, f23, f24, f25);
  } else if constexpr (n == 27) { auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22, f23, f24, f25, f26] = value; archive(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22, f23, f24, f25, f26);
  } else if constexpr (n == 28) { auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22, f23, f24, f25, f26, f27] = value; archive(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22, f23, f24, f25, f26, f27);
  } else if constexpr (n == 29) { auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22, f23, f24, f25, f26, f27, f28] = value; archive(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22, f23, f24, f25, f26, f27, f28);
  } else if constexpr (n == 30) { auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22, f23, f24, f25, f26, f27, f28, f29] = value; archive(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22, f23, f24, f25, f26, f27, f28, f29);
  } else if constexpr (n == 31) { auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22, f23, f24, f25, f26, f27, f28, f29, f30] = value; archive(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22, f23, f24, f25, f26, f27, f28, f29, f30);
  } else if constexpr (n == 32) { auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22, f23, f24, f25, f26, f27, f28, f29, f30, f31] = value; archive(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20, f21, f22, f23, f24, f25, f26, f27, f28, f29, f30, f31);
  } else {
    static_assert(n <= 32, "an aggregate of more than 32 fields needs a persist() member");
  }
  // clang-format on
}

}  // namespace state_detail

// A system's state as the scheduler keeps it: a section of the checkpoint, written and read back.
struct StateHook {
  std::function<void(StateWriter&)> save;
  std::function<void(StateReader&)> restore;
};

// The hook of an object whose persist() member lists everything it keeps between days.
template <class T>
[[nodiscard]] StateHook state_hook(std::shared_ptr<T> state) {
  return {[state](StateWriter& writer) {
            SaveArchive archive(writer);
            state->persist(archive);
          },
          [state](StateReader& reader) {
            LoadArchive archive(reader);
            state->persist(archive);
            reader.finish();
          }};
}

}  // namespace munisim
