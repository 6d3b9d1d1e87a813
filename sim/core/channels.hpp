// Named, typed values that systems hand to each other, each with exactly one writer system. A reader
// says when it needs the value: the same day (its writer must run before it, which the scheduler
// checks) or as it was at the end of the previous day (so values can flow against the order in
// which systems run). Channels are declared while systems are registered; all checks that need
// every declaration (writer present, writer before reader) run when the scheduler seals.
#pragma once

#include <memory>
#include <string>
#include <typeindex>
#include <typeinfo>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/core/state_archive.hpp"

namespace munisim {

enum class Timing { same_day, previous_day };

// The writer's side: what it sets stays until it sets it again.
template <class T>
class ChannelWriter {
 public:
  ChannelWriter(T& value, T& previous) : value_(&value), previous_(&previous) {}
  void set(T value) { *value_ = std::move(value); }
  [[nodiscard]] T& value() { return *value_; }
  // For a value that comes from outside the scheduled systems, set between two days: readers of
  // either timing see it on the next day (a previous-day reader as if it had been set the day before).
  void set_between_days(T value) {
    *previous_ = value;
    *value_ = std::move(value);
  }

 private:
  T* value_;
  T* previous_;
};

template <class T>
class ChannelReader {
 public:
  explicit ChannelReader(const T& value) : value_(&value) {}
  [[nodiscard]] const T& value() const { return *value_; }
  [[nodiscard]] const T& operator*() const { return *value_; }
  [[nodiscard]] const T* operator->() const { return value_; }

 private:
  const T* value_;
};

class Channels {
 public:
  // One declared read of a channel, as the scheduler checks it.
  struct Read {
    std::string channel;
    std::string system;
    Timing timing;
    bool optional;
  };

  // Declares `writer_system` as the one writer of `name`; readers see `initial` until it first sets
  // a value. Error on a second writer or when the channel is already read with another type.
  template <class T>
  ChannelWriter<T> publish(const std::string& name, const std::string& writer_system, T initial = T{}) {
    Entry& entry = entry_for<T>(name);
    if (!entry.writer.empty()) {
      throw Error("channel '" + name + "' already has the writer '" + entry.writer + "'; '" + writer_system +
                  "' cannot write it too");
    }
    entry.writer = writer_system;
    auto& slot = static_cast<Slot<T>&>(*entry.slot);
    slot.current = initial;
    slot.previous = std::move(initial);
    return ChannelWriter<T>(slot.current, slot.previous);
  }

  // A read that needs a writer: Error at sealing when no system publishes `name`.
  template <class T>
  ChannelReader<T> read(const std::string& name, const std::string& reader_system, Timing timing) {
    return declare_read<T>(name, reader_system, timing, false);
  }

  // A read that may have no writer (e.g. commands from a department a scenario does not have): the
  // reader then sees a default-constructed T every day, so T's default must mean "nothing to say".
  template <class T>
  ChannelReader<T> read_optional(const std::string& name, const std::string& reader_system, Timing timing) {
    return declare_read<T>(name, reader_system, timing, true);
  }

  // The writer system of `name`, empty when nobody publishes it.
  [[nodiscard]] std::string writer(const std::string& name) const;
  [[nodiscard]] const std::vector<Read>& reads() const noexcept { return reads_; }
  // Every channel's name and writer, in the order they were first declared.
  [[nodiscard]] std::vector<std::pair<std::string, std::string>> writers() const;

  // Error when a required read has no writer.
  void check_published() const;
  // The day is over: previous-day readers see from now on what the writers left today.
  void end_day();

  // Every channel's values (what the writer left and what previous-day readers see), for a
  // checkpoint; a channel type that cannot be saved does not compile (sim/core/state_archive.hpp).
  void save(StateWriter& writer) const;
  // CheckpointError when the channels saved are not these, in this order.
  void restore(StateReader& reader);

 private:
  struct SlotBase {
    virtual ~SlotBase() = default;
    virtual void keep_previous() = 0;
    virtual void save(StateWriter& writer) = 0;
    virtual void restore(StateReader& reader) = 0;
  };
  template <class T>
  struct Slot final : SlotBase {
    T current{};
    T previous{};
    void keep_previous() override { previous = current; }
    void save(StateWriter& writer) override {
      SaveArchive archive(writer);
      archive(current, previous);
    }
    void restore(StateReader& reader) override {
      LoadArchive archive(reader);
      archive(current, previous);
    }
  };
  struct Entry {
    std::string name;
    std::type_index type;
    std::string writer;
    bool read_previous_day = false;
    std::unique_ptr<SlotBase> slot;
  };

  [[nodiscard]] static std::string type_name(std::type_index type);  // readable, for errors

  template <class T>
  Entry& entry_for(const std::string& name) {
    for (const std::unique_ptr<Entry>& entry : entries_) {
      if (entry->name != name) continue;
      if (entry->type != std::type_index(typeid(T))) {
        throw Error("channel '" + name + "' holds " + type_name(entry->type) + ", not " + type_name(typeid(T)));
      }
      return *entry;
    }
    entries_.push_back(std::make_unique<Entry>(Entry{name, typeid(T), {}, false, std::make_unique<Slot<T>>()}));
    return *entries_.back();
  }

  template <class T>
  ChannelReader<T> declare_read(const std::string& name, const std::string& reader_system, Timing timing,
                                bool optional) {
    Entry& entry = entry_for<T>(name);
    reads_.push_back({name, reader_system, timing, optional});
    auto& slot = static_cast<Slot<T>&>(*entry.slot);
    if (timing == Timing::same_day) return ChannelReader<T>(slot.current);
    entry.read_previous_day = true;
    return ChannelReader<T>(slot.previous);
  }

  std::vector<std::unique_ptr<Entry>> entries_;  // pointers: handles stay valid as channels are added
  std::vector<Read> reads_;
};

}  // namespace munisim
