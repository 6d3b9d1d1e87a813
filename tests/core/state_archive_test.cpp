// The state archive saves and restores nested values exactly, and a section that lies about its
// sizes is refused before anything is allocated.
#include "sim/core/state_archive.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace munisim {
namespace {

struct Leaf {
  double kg = 0;
  std::optional<int> day;
  std::array<float, 3> shares{};
};

struct Tree {
  std::vector<Leaf> leaves;
  std::string name;
  std::variant<int, Leaf, std::string> choice;
  std::vector<bool> flags;
  std::vector<std::vector<std::uint8_t>> rows;
  std::pair<int, double> pair;
};

// A class with private state lists it in persist().
class Counter {
 public:
  void add(int n) { count_ += n; }
  [[nodiscard]] int count() const { return count_; }
  template <class Archive>
  void persist(Archive& archive) {
    archive(count_);
  }

 private:
  int count_ = 0;
};

template <class T>
std::vector<unsigned char> saved(T value) {
  StateWriter writer;
  SaveArchive archive(writer);
  archive(value);
  return writer.take();
}

template <class T>
T loaded(const std::vector<unsigned char>& bytes) {
  T value{};
  StateReader reader(bytes, "test");
  LoadArchive archive(reader);
  archive(value);
  reader.finish();
  return value;
}

TEST(StateArchive, RestoresNestedValuesExactly) {
  Tree tree{{{1.5, 7, {0.1f, 0.2f, 0.7f}}, {2.5, std::nullopt, {}}},
            "plaza",
            Leaf{3.25, 2, {1, 0, 0}},
            {true, false, true},
            {{1, 2}, {}, {3}},
            {4, -0.5}};
  const Tree back = loaded<Tree>(saved(tree));
  ASSERT_EQ(back.leaves.size(), 2u);
  EXPECT_EQ(back.leaves[0].kg, 1.5);
  EXPECT_EQ(back.leaves[0].day, 7);
  EXPECT_EQ(back.leaves[0].shares[2], 0.7f);
  EXPECT_FALSE(back.leaves[1].day.has_value());
  EXPECT_EQ(back.name, "plaza");
  ASSERT_EQ(back.choice.index(), 1u);
  EXPECT_EQ(std::get<Leaf>(back.choice).kg, 3.25);
  EXPECT_EQ(back.flags, (std::vector<bool>{true, false, true}));
  EXPECT_EQ(back.rows, (std::vector<std::vector<std::uint8_t>>{{1, 2}, {}, {3}}));
  EXPECT_EQ(back.pair, (std::pair<int, double>{4, -0.5}));
  Counter counter;
  counter.add(41);
  EXPECT_EQ(loaded<Counter>(saved(counter)).count(), 41);
}

TEST(StateArchive, ACountLargerThanTheBytesLeftIsRefusedBeforeAllocating) {
  std::vector<unsigned char> bytes = saved(std::vector<double>{1, 2, 3});
  const std::uint64_t huge = std::numeric_limits<std::uint64_t>::max() / 4;
  std::memcpy(bytes.data(), &huge, sizeof huge);
  try {
    static_cast<void>(loaded<std::vector<double>>(bytes));
    FAIL() << "a count of 2^62 doubles was believed";
  } catch (const CheckpointError& error) {
    EXPECT_NE(std::string(error.what()).find("section 'test' ends early"), std::string::npos) << error.what();
  }
}

TEST(StateArchive, ExtraBytesAndUnknownAlternativesAreRefused) {
  std::vector<unsigned char> bytes = saved(1.0);
  bytes.push_back(0);
  EXPECT_THROW(static_cast<void>(loaded<double>(bytes)), CheckpointError);
  std::vector<unsigned char> variant = saved(std::variant<int, double>(2));
  variant[0] = 5;
  EXPECT_THROW((static_cast<void>(loaded<std::variant<int, double>>(variant))), CheckpointError);
}

}  // namespace
}  // namespace munisim
