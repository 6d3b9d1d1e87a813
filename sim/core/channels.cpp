#include "sim/core/channels.hpp"

#include <cxxabi.h>

#include <cstdlib>

namespace munisim {

std::string Channels::type_name(std::type_index type) {
  int status = 0;
  char* demangled = abi::__cxa_demangle(type.name(), nullptr, nullptr, &status);
  std::string name = status == 0 && demangled != nullptr ? demangled : type.name();
  std::free(demangled);
  return name;
}

std::string Channels::writer(const std::string& name) const {
  for (const std::unique_ptr<Entry>& entry : entries_) {
    if (entry->name == name) return entry->writer;
  }
  return {};
}

std::vector<std::pair<std::string, std::string>> Channels::writers() const {
  std::vector<std::pair<std::string, std::string>> result;
  for (const std::unique_ptr<Entry>& entry : entries_) result.emplace_back(entry->name, entry->writer);
  return result;
}

void Channels::check_published() const {
  for (const Read& read : reads_) {
    if (!read.optional && writer(read.channel).empty()) {
      throw Error("system '" + read.system + "' reads channel '" + read.channel + "', which no system publishes");
    }
  }
}

void Channels::end_day() {
  for (const std::unique_ptr<Entry>& entry : entries_) {
    if (entry->read_previous_day) entry->slot->keep_previous();
  }
}

}  // namespace munisim

namespace munisim {

void Channels::save(StateWriter& writer) const {
  SaveArchive archive(writer);
  std::uint64_t count = entries_.size();
  archive(count);
  for (const std::unique_ptr<Entry>& entry : entries_) {
    std::string name = entry->name;
    archive(name);
    entry->slot->save(writer);
  }
}

void Channels::restore(StateReader& reader) {
  LoadArchive archive(reader);
  std::uint64_t count = 0;
  archive(count);
  if (count != entries_.size()) {
    reader.fail(std::to_string(count) + " channels saved, this run has " + std::to_string(entries_.size()));
  }
  for (const std::unique_ptr<Entry>& entry : entries_) {
    std::string name;
    archive(name);
    if (name != entry->name) reader.fail("channel '" + name + "' saved where this run has '" + entry->name + "'");
    entry->slot->restore(reader);
  }
}

}  // namespace munisim
