// The member files of a GTFS feed, from the .zip agencies publish or from a folder of the unpacked
// .txt files, behind one interface so that readers and their messages need not care which.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

struct zip;  // libzip's archive; libzip stays a private dependency of munisim_data

namespace munisim {

// Not for use from several threads at once: reading a zip member moves libzip's shared state.
class FeedFiles {
 public:
  // InputError naming the path when it does not exist, or is neither a folder nor a readable zip.
  [[nodiscard]] static FeedFiles open(const std::filesystem::path& path);

  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }
  [[nodiscard]] bool has(const std::string& name) const;
  // The whole member as text; InputError naming it when it is absent or damaged (CRC, truncation).
  [[nodiscard]] std::string read(const std::string& name) const;
  // "feed.zip:stops.txt" or "feed/stops.txt", for messages.
  [[nodiscard]] std::string describe(const std::string& name) const;

 private:
  struct Discard {
    void operator()(zip* archive) const noexcept;
  };

  FeedFiles(std::filesystem::path path, std::unique_ptr<zip, Discard> archive);

  std::filesystem::path path_;
  std::unique_ptr<zip, Discard> archive_;  // null for a folder
};

}  // namespace munisim
