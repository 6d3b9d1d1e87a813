#include "sim/data/feed_files.hpp"

#include <zip.h>

#include <fstream>
#include <sstream>

#include "sim/core/error.hpp"

namespace munisim {
namespace {

struct CloseFile {
  void operator()(zip_file_t* file) const noexcept { zip_fclose(file); }
};
using ZipFile = std::unique_ptr<zip_file_t, CloseFile>;

std::string zip_message(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string text = zip_error_strerror(&error);
  zip_error_fini(&error);
  return text;
}

}  // namespace

// Discarding rather than closing: nothing was changed, and zip_close could only fail writing.
void FeedFiles::Discard::operator()(zip* archive) const noexcept { zip_discard(archive); }

FeedFiles::FeedFiles(std::filesystem::path path, std::unique_ptr<zip, Discard> archive)
    : path_(std::move(path)), archive_(std::move(archive)) {}

FeedFiles FeedFiles::open(const std::filesystem::path& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) return FeedFiles(path, nullptr);
  if (!std::filesystem::exists(path, error)) throw InputError({path.string(), 0, 0}, "", "does not exist");
  int code = 0;
  std::unique_ptr<zip, Discard> archive(zip_open(path.c_str(), ZIP_RDONLY, &code));
  if (!archive) {
    throw InputError({path.string(), 0, 0}, "",
                     "is neither a folder nor a readable zip archive (" + zip_message(code) + ")");
  }
  return FeedFiles(path, std::move(archive));
}

bool FeedFiles::has(const std::string& name) const {
  if (!archive_) return std::filesystem::is_regular_file(path_ / name);
  return zip_name_locate(archive_.get(), name.c_str(), 0) >= 0;
}

std::string FeedFiles::read(const std::string& name) const {
  const auto fail = [&](const std::string& problem) { return InputError({describe(name), 0, 0}, "", problem); };
  if (!archive_) {
    std::ifstream in(path_ / name, std::ios::binary);
    if (!in) throw fail("cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    return std::move(text).str();
  }
  zip* archive = archive_.get();
  const zip_int64_t index = zip_name_locate(archive, name.c_str(), 0);
  if (index < 0) throw fail("is not in the archive");
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &stat) != 0 || (stat.valid & ZIP_STAT_SIZE) == 0) {
    throw fail(std::string("cannot be read: ") + zip_strerror(archive));
  }
  const ZipFile file(zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0));
  if (!file) throw fail(std::string("cannot be read: ") + zip_strerror(archive));
  std::string text(stat.size, '\0');
  std::size_t done = 0;
  zip_int64_t got = 1;
  while (done < text.size() && got > 0) {
    got = zip_fread(file.get(), text.data() + done, text.size() - done);
    if (got > 0) done += static_cast<std::size_t>(got);
  }
  // One read past the end makes libzip compare the checksum of what it decompressed.
  char past_end = 0;
  if (got > 0) got = zip_fread(file.get(), &past_end, 1);
  if (got < 0) throw fail(std::string("is damaged: ") + zip_file_strerror(file.get()));
  if (done != text.size() || got != 0) throw fail("is damaged: its length differs from the archive's directory");
  return text;
}

std::string FeedFiles::describe(const std::string& name) const {
  return archive_ ? path_.string() + ":" + name : (path_ / name).string();
}

}  // namespace munisim
