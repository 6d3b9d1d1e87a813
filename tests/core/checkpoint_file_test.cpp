// The checkpoint file: sections come back as written, and each failed check is named.
#include "sim/core/checkpoint_file.hpp"

#include <gtest/gtest.h>

#include "sim/core/state_archive.hpp"

namespace munisim {
namespace {

CheckpointImage image() {
  return {"test 1.0", 42, {{"alpha", {1, 2, 3}}, {"beta", {}}, {"gamma", std::vector<unsigned char>(100, 7)}}};
}

std::string refusal(const std::vector<unsigned char>& bytes, const std::string& producer = "test 1.0") {
  try {
    static_cast<void>(decode_checkpoint(bytes, producer));
  } catch (const CheckpointError& error) {
    return error.what();
  }
  return {};
}

TEST(CheckpointFile, Fnv1a64MatchesTheReferenceValues) {
  EXPECT_EQ(fnv1a64(std::string_view("")), 0xcbf29ce484222325ull);
  EXPECT_EQ(fnv1a64(std::string_view("a")), 0xaf63dc4c8601ec8cull);
  EXPECT_EQ(fnv1a64(std::string_view("foobar")), 0x85944171f73967e8ull);
}

TEST(CheckpointFile, SectionsComeBackAsWritten) {
  const CheckpointImage back = decode_checkpoint(encode_checkpoint(image()), "test 1.0");
  EXPECT_EQ(back.producer, "test 1.0");
  EXPECT_EQ(back.identity, 42u);
  ASSERT_EQ(back.sections.size(), 3u);
  EXPECT_EQ(back.sections[2].name, "gamma");
  EXPECT_EQ(back.sections[2].bytes, std::vector<unsigned char>(100, 7));
  EXPECT_EQ(back.section("alpha").size(), 3u);
  EXPECT_THROW(static_cast<void>(back.section("delta")), CheckpointError);
}

TEST(CheckpointFile, EachFailedCheckIsNamed) {
  const std::vector<unsigned char> good = encode_checkpoint(image());
  EXPECT_NE(refusal({}).find("magic"), std::string::npos);
  EXPECT_NE(refusal(good, "test 2.0").find("producer: written by test 1.0, this is test 2.0"), std::string::npos);
  EXPECT_NE(refusal({good.begin(), good.begin() + 20}).find("length: the file ends inside the header"),
            std::string::npos);
  EXPECT_NE(refusal({good.begin(), good.end() - 1}).find("length: the file has"), std::string::npos);
  std::vector<unsigned char> longer = good;
  longer.push_back(0);
  EXPECT_NE(refusal(longer).find("length: the file has"), std::string::npos);
  std::vector<unsigned char> flipped = good;
  flipped.back() ^= 1;
  EXPECT_NE(refusal(flipped).find("checksum of section 'gamma'"), std::string::npos);
  std::vector<unsigned char> header = good;
  header[25] ^= 1;  // inside the producer text
  EXPECT_NE(refusal(header).find("header checksum"), std::string::npos);
  std::vector<unsigned char> order = good;
  order[12] ^= 1;
  EXPECT_NE(refusal(order).find("byte order"), std::string::npos);
}

}  // namespace
}  // namespace munisim
